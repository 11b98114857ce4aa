package org.clearroom.it;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.clearroom.launcher.Database;
import org.clearroom.platform.boundary.Schema;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the integration tests databases of their own before any server starts: new, uniquely named
 * databases on the server the libpq variables name (so two runs on one server never collide and a
 * dirty database from an earlier run never matters), or else on an embedded PostgreSQL thrown away
 * afterwards. Active only where {@code clearroom.it} is set (the failsafe run). The server under test
 * gets one database, migrated here by its owner (the run's PostgreSQL user, {@code clearroom.test.db.owner.*})
 * and used by the server through a login of its own ({@code clearroom.test.db.*}) that may only append to
 * the audit and ledger tables; tests that need a database of their own ask {@link #create}.
 */
public class TestDatabase implements LauncherSessionListener {

    /** The bootstrap operator's password on every test server. */
    public static final String ADMIN_PASSWORD = "it-operator-password-1";

    private static Database server;

    private static final List<String> CREATED = new ArrayList<>();

    private static final List<String> LOGINS = new ArrayList<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("clearroom.it") || System.getProperty("clearroom.test.db.url") != null) {
            return;
        }
        try {
            var name = create("clearroom_it");
            // as in production: the schema's owner migrates, the server runs as a login of its own
            var login = name + "_app";
            var password = login(login);
            Schema.migrate(server.dataSource(name), login);
            System.setProperty("clearroom.test.db.url", server.urlOf(name));
            System.setProperty("clearroom.test.db.user", login);
            System.setProperty("clearroom.test.db.password", password);
            System.setProperty("clearroom.test.db.owner.user", server.user());
            System.setProperty("clearroom.test.db.owner.password", server.passwordOrPlaceholder());
            System.setProperty("clearroom.test.admin.password", ADMIN_PASSWORD);
            System.setProperty(
                    "clearroom.test.ledger.key",
                    Files.createTempDirectory("clearroom-it-ledger")
                            .resolve("ledger.key")
                            .toString());
            System.out.println("Integration tests use database " + name + " on " + server.describe());
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the test database: " + e.getMessage(), e);
        }
    }

    /** The PostgreSQL server of this run: the configured one, or an embedded one started on first use. */
    public static synchronized Database server() throws Exception {
        if (server == null) {
            var configured = Database.fromEnvironment(System.getenv());
            server = configured.isPresent()
                    ? configured.get()
                    : Database.embedded(
                            Files.createTempDirectory("clearroom-it-pg").resolve("pgdata"),
                            false,
                            step -> System.out.println("Test database: " + step));
        }
        return server;
    }

    /** A new, empty database named {@code prefix_<random>} on this run's server, dropped at the end of the run. */
    public static synchronized String create(String prefix) throws Exception {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        var name = prefix + "_" + HexFormat.of().formatHex(random);
        server().ensureDatabase(name);
        CREATED.add(name);
        return name;
    }

    /**
     * A login {@code name} for a server to run as (the run's PostgreSQL user owns the schema), dropped at
     * the end of the run: its password.
     */
    public static synchronized String login(String name) throws Exception {
        var database = server();
        var password = database.ensureLogin(name)
                .orElseThrow(() -> new IllegalStateException("the tests' PostgreSQL user " + database.user()
                        + " must be allowed to create roles (a superuser or CREATEROLE)"));
        LOGINS.add(name);
        return password;
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (TestDatabase.class) {
            if (server == null) {
                return;
            }
            try {
                if (!server.isEmbedded()) {
                    for (var name : CREATED) {
                        server.dropDatabase(name);
                    }
                    for (var login : LOGINS) {
                        server.dropLogin(login);
                    }
                }
                server.close();
            } catch (Exception e) {
                System.err.println("could not drop the test databases " + CREATED + ": " + e.getMessage());
            }
            server = null;
            CREATED.clear();
            LOGINS.clear();
        }
    }
}
