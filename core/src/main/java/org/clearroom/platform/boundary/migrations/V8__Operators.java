package org.clearroom.platform.boundary.migrations;

import java.time.Instant;
import java.util.ArrayList;
import org.clearroom.audit.Action;
import org.clearroom.audit.entity.AuditEntry;
import org.clearroom.platform.control.Digests;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Operators get an organisation kind of their own, {@code OPERATOR}, that no access rule can name or
 * match (before, the operators' organisation was an OBSERVER, so a kind rule for observers let ADMIN
 * and COMPLIANCE accounts read content). Every organisation that holds an ADMIN or COMPLIANCE account
 * becomes an OPERATOR, and each change is an audit entry, so the ledger shows when and why the kind
 * changed. Rules that still name an operator stay stored and grant nothing (the access policy refuses
 * operators whatever a rule says).
 */
public class V8__Operators extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (var statement = connection.createStatement()) {
            statement.execute("alter table organisation drop constraint organisation_kind_check");
            statement.execute("alter table organisation add constraint organisation_kind_check"
                    + " check (kind in ('VENDOR', 'CARRIER', 'REGULATOR', 'OBSERVER', 'OPERATOR'))");
            // access_rule.principal_kind keeps its list: no rule may ever name OPERATOR
        }
        record Changed(String id, String name, String kind) {}
        var changed = new ArrayList<Changed>();
        try (var query = connection.createStatement();
                var rs = query.executeQuery("select o.id, o.name, o.kind from organisation o where o.kind <> 'OPERATOR'"
                        + " and exists (select 1 from account a join account_role r on r.account_id = a.id"
                        + " where a.organisation_id = o.id) order by o.id")) {
            while (rs.next()) {
                changed.add(new Changed(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        var now = Instant.now();
        try (var update = connection.prepareStatement("update organisation set kind = 'OPERATOR' where id = ?")) {
            for (var organisation : changed) {
                update.setString(1, organisation.id());
                update.executeUpdate();
                new AuditEntry(
                                now,
                                null,
                                null,
                                Action.ORGANISATION_KIND_CHANGED,
                                "organisations/" + organisation.id(),
                                "migration-8",
                                null,
                                Digests.sha256Hex(organisation.name() + "\n" + organisation.kind() + "\nOPERATOR"))
                        .insert(connection);
            }
        }
    }
}
