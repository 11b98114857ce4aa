package org.clearroom.it;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.clearroom.launcher.Database;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the integration tests a database of their own before any server starts: a new, uniquely
 * named database on the server the libpq variables name (so two runs on one server never collide and
 * a dirty database from an earlier run never matters), or else on an embedded PostgreSQL thrown away
 * afterwards. Active only where {@code clearroom.it} is set (the failsafe run).
 */
public class TestDatabase implements LauncherSessionListener {

    /** The bootstrap operator's password on every test server. */
    public static final String ADMIN_PASSWORD = "it-operator-password-1";

    private Database database;
    private String name;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("clearroom.it") || System.getProperty("clearroom.test.db.url") != null) {
            return;
        }
        try {
            var configured = Database.fromEnvironment(System.getenv());
            database = configured.isPresent()
                    ? configured.get()
                    : Database.embedded(Files.createTempDirectory("clearroom-it-pg"), false);
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            name = "clearroom_it_" + HexFormat.of().formatHex(random);
            database.ensureDatabase(name);
            System.setProperty("clearroom.test.db.url", database.urlOf(name));
            System.setProperty("clearroom.test.db.user", database.user());
            System.setProperty("clearroom.test.db.password", database.passwordOrPlaceholder());
            System.setProperty("clearroom.test.admin.password", ADMIN_PASSWORD);
            System.setProperty(
                    "clearroom.test.ledger.key",
                    Files.createTempDirectory("clearroom-it-ledger")
                            .resolve("ledger.key")
                            .toString());
            System.out.println("Integration tests use database " + name + " on " + database.describe());
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the test database: " + e.getMessage(), e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database == null) {
            return;
        }
        try {
            if (!database.isEmbedded()) {
                database.dropDatabase(name);
            }
            database.close();
        } catch (Exception e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }
}
