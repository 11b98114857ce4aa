package org.clearroom.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.clearroom.platform.boundary.migrations.V8__Operators;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Brings the database schema up to date before anything uses it (called first when the web module
 * starts: the application's data source is not bound yet while CDI initialises). Flyway takes a
 * PostgreSQL lock, so two servers starting on one database migrate once.
 *
 * <p>Two logins, as least privilege asks: the schema's owner migrates, and the server runs as a login
 * of its own that may read and write the business tables but may only append to the ledger's
 * ({@link #APPEND_ONLY}): it cannot update, delete or truncate them, nor switch off their triggers (only
 * an owner or a superuser can). The owner comes from {@code clearroom.db.owner.user} and
 * {@code clearroom.db.owner.password}; without them the server's own login migrates and owns the
 * schema, and the log says that the triggers are then the only guard.
 */
@ApplicationScoped
public class Schema {

    /** Tables nobody but their owner may change or empty: the audit trail and the ledger built on it. */
    public static final List<String> APPEND_ONLY =
            List.of("audit_entry", "ledger_leaf", "ledger_node", "ledger_checkpoint", "cosignature");

    /** Tables the server reads but never writes. */
    static final List<String> READ_ONLY = List.of("flyway_schema_history", "server_secret");

    /** Tables whose rows are changed (a witness key is decided once) but never removed. */
    static final List<String> NEVER_REMOVED = List.of("witness");

    private static final Logger LOG = Logger.getLogger(Schema.class.getName());

    private static final Pattern ROLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    @Resource(lookup = "java:app/jdbc/clearroom")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "clearroom.db.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "clearroom.db.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "clearroom.db.owner.user")
    Optional<String> ownerUser;

    @Inject
    @ConfigProperty(name = "clearroom.db.owner.password")
    Optional<String> ownerPassword;

    public void migrate() {
        describeDatabase();
        var owner = ownerUser.filter(name -> !name.isBlank());
        MigrateResult result;
        if (owner.isPresent()) {
            var ownerSource = new PGSimpleDataSource();
            ownerSource.setURL(url.orElseThrow(() -> new IllegalStateException("clearroom.db.url is required")));
            ownerSource.setUser(owner.get());
            ownerSource.setPassword(ownerPassword.orElse(null));
            result = migrate(ownerSource, user.orElse(null));
        } else {
            result = migrate(dataSource, null);
        }
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
        warnIfTheServerCouldRewriteTheLedger();
    }

    /**
     * Migrates the database behind {@code owner} to the current schema: the SQL migrations of
     * {@code db/migration} and the Java ones that change data with audit entries (named here, so that no
     * class-path scanning of a server's class loaders is needed). With {@code runtimeRole}, that login
     * then gets what the server needs and nothing more (see the class description). The one way every
     * server, launcher, test and benchmark gets its schema.
     */
    public static MigrateResult migrate(DataSource owner, String runtimeRole) {
        var result = Flyway.configure(Schema.class.getClassLoader())
                .dataSource(owner)
                .locations("classpath:db/migration")
                .javaMigrations(new V8__Operators())
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (runtimeRole != null && !runtimeRole.isBlank()) {
            try (var connection = owner.getConnection()) {
                grant(connection, runtimeRole);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot grant the server's login its rights: " + e.getMessage(), e);
            }
        }
        return result;
    }

    /** Grants {@code role} what the server needs, on every table there is now; repeated at every start. */
    static void grant(Connection connection, String role) throws SQLException {
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("a database login name here is letters, digits and _: " + role);
        }
        var quoted = "\"" + role + "\"";
        try (var statement = connection.createStatement();
                var who = statement.executeQuery("select current_user")) {
            who.next();
            if (who.getString(1).equals(role)) {
                return; // one login for both: nothing to grant to oneself
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute("grant usage on schema public to " + quoted);
            statement.execute("grant select, insert, update, delete on all tables in schema public to " + quoted);
            statement.execute("grant usage, select on all sequences in schema public to " + quoted);
            statement.execute(
                    "revoke update, delete, truncate on " + String.join(", ", APPEND_ONLY) + " from " + quoted);
            statement.execute(
                    "revoke insert, update, delete, truncate on " + String.join(", ", READ_ONLY) + " from " + quoted);
            statement.execute("revoke delete, truncate on " + String.join(", ", NEVER_REMOVED) + " from " + quoted);
        }
    }

    /**
     * A server whose login owns the ledger's tables, or is a superuser, could switch their triggers off:
     * say so at every start, so that an operator who reads the log learns it.
     */
    private void warnIfTheServerCouldRewriteTheLedger() {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("select r.rolsuper, t.tableowner = current_user from pg_roles r,"
                        + " pg_tables t where r.rolname = current_user and t.schemaname = 'public'"
                        + " and t.tablename = 'audit_entry'")) {
            if (rs.next() && (rs.getBoolean(1) || rs.getBoolean(2))) {
                LOG.warning("The server's database login "
                        + (rs.getBoolean(1) ? "is a superuser" : "owns the schema")
                        + ": it could switch off the append-only triggers of the audit and ledger tables. Give"
                        + " the server a login of its own and the owner to clearroom.db.owner.user (see"
                        + " docs/configuration.md).");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
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
