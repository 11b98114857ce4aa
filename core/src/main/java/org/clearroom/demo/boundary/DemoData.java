package org.clearroom.demo.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.clearroom.access.NewRule;
import org.clearroom.access.Permission;
import org.clearroom.access.Principal;
import org.clearroom.access.PrincipalType;
import org.clearroom.identity.NewAccount;
import org.clearroom.identity.NewOrganisation;
import org.clearroom.identity.OrgKind;
import org.clearroom.identity.Role;
import org.clearroom.identity.boundary.Accounts;
import org.clearroom.identity.boundary.Organisations;
import org.clearroom.identity.control.Directory;
import org.clearroom.platform.control.Actor;
import org.clearroom.rooms.NewRoom;
import org.clearroom.rooms.RoomKind;
import org.clearroom.rooms.boundary.Rooms;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Loads the demo dataset at start when asked to and the database is empty. */
@ApplicationScoped
public class DemoData {

    /** Every demo account signs in with this password. It is printed by the quick start. */
    public static final String PASSWORD = "clearroom-demo";

    public record DemoOrganisation(String name, OrgKind kind) {}

    public record DemoAccount(String username, String displayName, String organisation, List<Role> roles) {}

    public static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation("Nordlicht Networks", OrgKind.VENDOR),
            new DemoOrganisation("Fjordtel", OrgKind.CARRIER),
            new DemoOrganisation("Baltic Mobile", OrgKind.CARRIER),
            new DemoOrganisation("Telecom Security Authority", OrgKind.REGULATOR),
            new DemoOrganisation("Clearroom Operations", OrgKind.OBSERVER));

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("vera.vendor", "Vera Lindqvist", "Nordlicht Networks", List.of()),
            new DemoAccount("viktor.vendor", "Viktor Aalto", "Nordlicht Networks", List.of()),
            new DemoAccount("carla.carrier", "Carla Haugen", "Fjordtel", List.of()),
            new DemoAccount("conrad.carrier", "Conrad Berg", "Fjordtel", List.of()),
            new DemoAccount("bianca.baltic", "Bianca Ozola", "Baltic Mobile", List.of()),
            new DemoAccount("bruno.baltic", "Bruno Kalnins", "Baltic Mobile", List.of()),
            new DemoAccount("rita.regulator", "Rita Nieminen", "Telecom Security Authority", List.of()),
            new DemoAccount("rolf.regulator", "Rolf Dahl", "Telecom Security Authority", List.of()),
            new DemoAccount("olga.operator", "Olga Strand", "Clearroom Operations", List.of(Role.ADMIN)),
            new DemoAccount("cora.compliance", "Cora Vik", "Clearroom Operations", List.of(Role.COMPLIANCE)));

    public static final String FORUM_ROOM = "Security advisories";

    public static final String DOCUMENT_ROOM = "Fjordtel evidence locker";

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "clearroom.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    Directory directory;

    @Inject
    Organisations organisations;

    @Inject
    Accounts accounts;

    @Inject
    Rooms rooms;

    @ActivateRequestContext
    @Transactional
    public void load() {
        if (!enabled) {
            return;
        }
        if (directory.anyOrganisation()) {
            LOG.info("Demo data: the database has organisations already, nothing loaded");
            return;
        }
        var actor = Actor.SYSTEM;
        Map<String, String> orgIds = new HashMap<>();
        for (var org : ORGANISATIONS) {
            orgIds.put(
                    org.name(),
                    organisations
                            .create(actor, new NewOrganisation(org.name(), org.kind()))
                            .id());
        }
        Map<String, String> accountIds = new HashMap<>();
        for (var account : ACCOUNTS) {
            accountIds.put(
                    account.username(),
                    accounts.create(
                                    actor,
                                    new NewAccount(
                                            account.username(),
                                            account.displayName(),
                                            orgIds.get(account.organisation()),
                                            PASSWORD,
                                            account.roles()))
                            .id());
        }
        var forum = rooms.create(
                actor,
                new NewRoom(
                        FORUM_ROOM,
                        RoomKind.FORUM,
                        "Advisories from Nordlicht Networks, discussed with carriers and the authority."));
        var vendor = new Principal(PrincipalType.ORGANISATION, orgIds.get("Nordlicht Networks"), null);
        var carriers = new Principal(PrincipalType.ORG_KIND, null, OrgKind.CARRIER);
        var regulators = new Principal(PrincipalType.ORG_KIND, null, OrgKind.REGULATOR);
        for (var permission : List.of(Permission.VIEW, Permission.CONTRIBUTE, Permission.MODERATE)) {
            rooms.grant(actor, forum.id(), new NewRule(vendor, permission, null));
        }
        rooms.grant(actor, forum.id(), new NewRule(carriers, Permission.VIEW, null));
        rooms.grant(actor, forum.id(), new NewRule(carriers, Permission.CONTRIBUTE, null));
        rooms.grant(actor, forum.id(), new NewRule(regulators, Permission.VIEW, null));
        rooms.grant(actor, forum.id(), new NewRule(regulators, Permission.CONTRIBUTE, null));

        var locker = rooms.create(
                actor,
                new NewRoom(
                        DOCUMENT_ROOM,
                        RoomKind.DOCUMENTS,
                        "Fjordtel's test reports and firmware evidence; shared with no other carrier or the authority."));
        var fjordtel = new Principal(PrincipalType.ORGANISATION, orgIds.get("Fjordtel"), null);
        for (var permission : List.of(Permission.VIEW, Permission.UPLOAD, Permission.DOWNLOAD)) {
            rooms.grant(actor, locker.id(), new NewRule(fjordtel, permission, null));
        }
        rooms.grant(
                actor,
                locker.id(),
                new NewRule(
                        new Principal(PrincipalType.ACCOUNT, accountIds.get("conrad.carrier"), null),
                        Permission.MODERATE,
                        null));
        LOG.info(() -> "Demo data loaded: " + ORGANISATIONS.size() + " organisations, " + ACCOUNTS.size()
                + " accounts, 2 rooms");
    }
}
