package org.clearroom.forums.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.clearroom.forums.AccountRef;

/** Who wrote or did something, looked up once per page for every id on it. */
@ApplicationScoped
public class Authors {

    @Inject
    Sql sql;

    public Map<String, AccountRef> of(Collection<String> ids) {
        var distinct =
                ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        var refs = new HashMap<String, AccountRef>();
        sql.query(
                        "select a.id, a.username, a.display_name, o.name from account a join organisation o on"
                                + " o.id = a.organisation_id where a.id = any(string_to_array(?, ','))",
                        rs -> new AccountRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                        Sql.ids(distinct))
                .forEach(ref -> refs.put(ref.id(), ref));
        return refs;
    }

    public AccountRef of(String id) {
        return id == null ? null : of(java.util.List.of(id)).get(id);
    }
}
