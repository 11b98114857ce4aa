package org.clearroom.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.clearroom.platform.boundary.migrations.V8__Operators;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date before anything uses it (called first when the web module
 * starts: the application's data source is not bound yet while CDI initialises). Flyway takes a PostgreSQL lock, so
 * two servers starting on one database migrate once. Also says in the log which database is in use.
 */
@ApplicationScoped
public class Schema {

    private static final Logger LOG = Logger.getLogger(Schema.class.getName());

    @Resource(lookup = "java:app/jdbc/clearroom")
    DataSource dataSource;

    public void migrate() {
        describeDatabase();
        var result = migrate(dataSource);
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /**
     * Migrates the database behind {@code dataSource} to the current schema: the SQL migrations of
     * {@code db/migration} and the Java ones that change data with audit entries (named here, so that no
     * class-path scanning of a server's class loaders is needed). The one way every server, test and
     * benchmark gets its schema.
     */
    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure(Schema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new V8__Operators())
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    private void describeDatabase() {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            LOG.info(() -> {
                try {
                    return "Database in use: " + meta.getURL() + " as " + meta.getUserName() + " ("
                            + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + ")";
                } catch (SQLException e) {
                    return "Database in use: (metadata unavailable: " + e.getMessage() + ")";
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }
}
