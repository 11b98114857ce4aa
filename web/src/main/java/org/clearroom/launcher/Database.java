package org.clearroom.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A PostgreSQL server to run Clearroom on: the one the environment names (libpq variables PGHOST,
 * PGPORT, PGUSER, PGPASSWORD, PGDATABASE, or CLEARROOM_DB_URL with CLEARROOM_DB_USER and
 * CLEARROOM_DB_PASSWORD), or else an embedded one started here from PostgreSQL binaries that Maven
 * fetched ({@link LocalPostgres}).
 */
public final class Database implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final LocalPostgres embedded;

    private Database(String serverUrl, String user, String password, LocalPostgres embedded) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** The server the environment names, if it names one. */
    public static Optional<Database> fromEnvironment(Map<String, String> env) {
        var url = env.get("CLEARROOM_DB_URL");
        if (url != null && !url.isBlank()) {
            return Optional.of(new Database(
                    url,
                    env.getOrDefault("CLEARROOM_DB_USER", env.get("PGUSER")),
                    env.getOrDefault("CLEARROOM_DB_PASSWORD", env.get("PGPASSWORD")),
                    null));
        }
        if (env.containsKey("PGHOST") || env.containsKey("PGPORT") || env.containsKey("PGDATABASE")) {
            var host = env.getOrDefault("PGHOST", "localhost");
            if (host.startsWith("/")) {
                host = "localhost"; // a socket directory: the JDBC driver speaks TCP
            }
            var database = env.getOrDefault("PGDATABASE", "postgres");
            return Optional.of(new Database(
                    "jdbc:postgresql://" + host + ":" + env.getOrDefault("PGPORT", "5432") + "/" + database,
                    env.getOrDefault("PGUSER", System.getProperty("user.name")),
                    env.get("PGPASSWORD"),
                    null));
        }
        return Optional.empty();
    }

    /**
     * An embedded PostgreSQL on a free port. With {@code keep}, its data directory survives restarts;
     * otherwise it is emptied first. {@code progress} hears about the slow steps of a first start.
     */
    public static Database embedded(Path dataDirectory, boolean keep, Consumer<String> progress) throws IOException {
        var postgres = LocalPostgres.start(dataDirectory, keep, progress);
        return new Database(postgres.jdbcUrl("postgres"), LocalPostgres.SUPERUSER, null, postgres);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The JDBC URL of database {@code name} on this server. */
    public String urlOf(String name) {
        int slash = serverUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = serverUrl.indexOf('?', slash);
        return serverUrl.substring(0, slash + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The JDBC URL of the database named in the environment (or the embedded server's default one). */
    public String url() {
        return serverUrl;
    }

    /**
     * The password, or a placeholder where the server needs none (the embedded one trusts local
     * connections): Payara needs a value for the data source's password setting.
     */
    public String passwordOrPlaceholder() {
        return password == null || password.isEmpty() ? "none" : password;
    }

    /** Creates database {@code name} unless it exists. */
    public void ensureDatabase(String name) throws SQLException {
        requireSafe(name);
        try (var connection = DriverManager.getConnection(serverUrl, user, password);
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (var rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("create database \"" + name + "\"");
            }
        }
    }

    /**
     * A login named {@code role} for a server to run as, separate from this server's user that owns the
     * schema (see {@code Schema}): created, or given a new password if it exists. Answers its password,
     * or empty when this server's user may not create roles (then one login does both).
     */
    public Optional<String> ensureLogin(String role) throws SQLException {
        requireSafe(role);
        try (var connection = DriverManager.getConnection(serverUrl, user, password)) {
            try (var may = connection.createStatement();
                    var rs = may.executeQuery(
                            "select rolsuper or rolcreaterole from pg_roles where rolname = current_user")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            boolean exists;
            try (var query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                query.setString(1, role);
                try (var rs = query.executeQuery()) {
                    exists = rs.next();
                }
            }
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            // base64url: nothing in it needs quoting in SQL
            var secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try (var statement = connection.createStatement()) {
                statement.execute((exists ? "alter" : "create") + " role \"" + role + "\" login password '" + secret
                        + "' nosuperuser nocreatedb nocreaterole");
            }
            return Optional.of(secret);
        }
    }

    /** Drops a login made by {@link #ensureLogin}; its databases must be dropped first. */
    public void dropLogin(String role) throws SQLException {
        requireSafe(role);
        try (var connection = DriverManager.getConnection(serverUrl, user, password);
                var drop = connection.createStatement()) {
            drop.execute("drop role if exists \"" + role + "\"");
        }
    }

    /** A data source for database {@code name}, connecting as this server's user (the schema's owner). */
    public javax.sql.DataSource dataSource(String name) {
        var source = new org.postgresql.ds.PGSimpleDataSource();
        source.setURL(urlOf(name));
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    public void dropDatabase(String name) throws SQLException {
        requireSafe(name);
        try (var connection = DriverManager.getConnection(serverUrl, user, password);
                var drop = connection.createStatement()) {
            drop.execute("drop database if exists \"" + name + "\" with (force)");
        }
    }

    private static void requireSafe(String name) {
        if (!name.matches("[a-z0-9_]{1,63}")) {
            throw new IllegalArgumentException("database names here are lower case letters, digits and _");
        }
    }

    public String describe() {
        return (embedded != null ? "embedded PostgreSQL at " : "PostgreSQL at ") + serverUrl + " as " + user;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
