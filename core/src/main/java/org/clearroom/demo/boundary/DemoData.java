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
import org.clearroom.forums.NewPost;
import org.clearroom.forums.NewThread;
import org.clearroom.forums.boundary.Forums;
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
            new DemoOrganisation("Clearroom Operations", OrgKind.OPERATOR));

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

    public static final String CARRIER_FORUM = "Carrier coordination";

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

    @Inject
    Forums forums;

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
        var coordination = rooms.create(
                actor,
                new NewRoom(
                        CARRIER_FORUM,
                        RoomKind.FORUM,
                        "Carriers among themselves: what they see in their networks before they tell the vendor."));
        rooms.grant(actor, coordination.id(), new NewRule(carriers, Permission.CONTRIBUTE, null));
        rooms.grant(
                actor,
                coordination.id(),
                new NewRule(
                        new Principal(PrincipalType.ACCOUNT, accountIds.get("bianca.baltic"), null),
                        Permission.MODERATE,
                        null));
        discussions(forum.id(), coordination.id(), accountIds);
        LOG.info(() -> "Demo data loaded: " + ORGANISATIONS.size() + " organisations, " + ACCOUNTS.size()
                + " accounts, 3 rooms");
    }

    /**
     * A few threads, so the forums, notifications and search have something to show: the word
     * "downgrade" is in both forums, and a regulator searching it finds only the advisory.
     */
    private void discussions(String advisories, String coordination, Map<String, String> accountIds) {
        java.util.function.Function<String, Actor> as = username ->
                directory.account(accountIds.get(username)).orElseThrow().actor();
        var advisory = forums.open(
                as.apply("vera.vendor"),
                advisories,
                new NewThread(
                        "NL-2026-014: TLS downgrade in RAN controller firmware 4.2",
                        """
                        **Affected:** RAN controller firmware 4.2.0 to 4.2.3. **Fixed in:** 4.2.4.

                        A peer that offers only TLS 1.2 with CBC suites can make the management
                        interface fall back from TLS 1.3. No key material is exposed; sessions lose
                        forward secrecy.

                        | firmware | status |
                        | --- | --- |
                        | 4.2.0 to 4.2.3 | affected |
                        | 4.2.4 | fixed |

                        Mitigation until you upgrade: restrict the management VLAN, see
                        https://nordlicht.example/advisories/NL-2026-014.
                        """));
        var thread = advisory.thread().id();
        forums.reply(
                as.apply("carla.carrier"),
                thread,
                new NewPost("We run 4.2.2 on 340 sites. Is the fix in 4.2.4 safe to roll out without a maintenance"
                        + " window? @vera.vendor"));
        forums.reply(
                as.apply("vera.vendor"),
                thread,
                new NewPost("Yes: 4.2.4 reloads the management plane only; traffic is not interrupted."));
        forums.reply(
                as.apply("rita.regulator"),
                thread,
                new NewPost("The authority expects every carrier to report its upgrade status by **15 January**."
                        + " Please reply here when done."));
        forums.open(
                as.apply("conrad.carrier"),
                coordination,
                new NewThread(
                        "Downgrade seen before the advisory?",
                        "Our NOC logged TLS 1.2 sessions on the management interface in October."
                                + " @bianca.baltic did Baltic Mobile see the downgrade too?"));
    }
}
