package org.clearroom.it;

import java.io.File;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one deployment of the integration tests: the WAR the build produced, as users get it, on Payara
 * Micro (managed by Arquillian) over the run's own PostgreSQL database. Tests talk to it over HTTP and
 * may read the database directly to check what was stored.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ClearroomDeployment {

    @ArquillianResource
    protected URL base;

    protected Api api;

    @Deployment(testable = false)
    public static WebArchive clearroom() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("clearroom.war")));
    }

    @BeforeEach
    void connect() {
        api = new Api(base);
    }

    /** A connection to the server's database, as the server's own database login. */
    protected static Connection database() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("clearroom.test.db.url"),
                System.getProperty("clearroom.test.db.user"),
                System.getProperty("clearroom.test.db.password"));
    }

    /**
     * A connection as the schema's owner (the test run's PostgreSQL user, a superuser): what a test needs
     * to tamper with the ledger as an attacker with the database's keys would, or to install a fault.
     */
    protected static Connection owner() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("clearroom.test.db.url"),
                System.getProperty("clearroom.test.db.owner.user"),
                System.getProperty("clearroom.test.db.owner.password"));
    }

    /** Rows of a one-column count query. */
    protected static long count(String sql, Object... parameters) throws SQLException {
        try (var connection = database();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
