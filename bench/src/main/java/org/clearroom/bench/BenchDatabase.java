package org.clearroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearroom.launcher.Database;
import org.clearroom.platform.boundary.Schema;

/**
 * The PostgreSQL server the benchmarks run on: the one the libpq variables name (PGHOST, PGPORT,
 * PGUSER, PGPASSWORD, PGDATABASE), or else an embedded one started here, both as the quick start's
 * {@link Database} finds or starts them. Each benchmark gets a database of its own, migrated with the
 * project's Flyway migrations, and dropped at the end.
 */
final class BenchDatabase implements AutoCloseable {

    private final Database server;
    private final String serverUrl;
    private final String user;
    private final String password;
    private final List<String> created = new ArrayList<>();

    private BenchDatabase(Database server) {
        this.server = server;
        this.serverUrl = server.url();
        this.user = server.user();
        this.password = server.password();
    }

    static BenchDatabase start(Map<String, String> env) throws IOException {
        var configured = Database.fromEnvironment(env);
        if (configured.isPresent()) {
            return new BenchDatabase(configured.get());
        }
        return new BenchDatabase(Database.embedded(
                Files.createTempDirectory("clearroom-bench-pg").resolve("pgdata"),
                false,
                step -> System.out.println("   postgresql: " + step)));
    }

    String describe() {
        return server.describe();
    }

    String user() {
        return user;
    }

    /** The password for a server that needs a non-empty one (Payara's data source): any value where none is needed. */
    String passwordOrPlaceholder() {
        return password == null || password.isEmpty() ? "unused" : password;
    }

    Connection admin() throws SQLException {
        return DriverManager.getConnection(serverUrl, user, password);
    }

    /** A fresh database named {@code name} with the project's migrations applied. */
    String fresh(String name) throws SQLException {
        var url = empty(name);
        var dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        Schema.migrate(dataSource, null);
        return url;
    }

    /** A fresh, empty database named {@code name}, for a server that migrates it itself. */
    String empty(String name) throws SQLException {
        var database = "clearroom_bench_" + name;
        try (var connection = admin();
                var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database);
        }
        created.add(database);
        return urlOf(database);
    }

    void drop(String url) throws SQLException {
        var database = url.substring(url.lastIndexOf('/') + 1);
        int query = database.indexOf('?');
        if (query >= 0) {
            database = database.substring(0, query);
        }
        try (var connection = admin();
                var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
        }
        created.remove(database);
    }

    /** A connection set up like the server's data source (web.xml): reWriteBatchedInserts on. */
    Connection connect(String url) throws SQLException {
        return connect(url, Map.of("reWriteBatchedInserts", "true"));
    }

    /** A connection with extra pgjdbc properties (reWriteBatchedInserts, say). */
    Connection connect(String url, Map<String, String> properties) throws SQLException {
        var info = new java.util.Properties();
        if (user != null) {
            info.setProperty("user", user);
        }
        if (password != null) {
            info.setProperty("password", password);
        }
        properties.forEach(info::setProperty);
        return DriverManager.getConnection(url, info);
    }

    private String urlOf(String database) {
        int slash = serverUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = serverUrl.indexOf('?', slash);
        return serverUrl.substring(0, slash + 1) + database + (query < 0 ? "" : serverUrl.substring(query));
    }

    @Override
    public void close() throws IOException {
        for (var database : List.copyOf(created)) {
            try (var connection = admin();
                    var statement = connection.createStatement()) {
                statement.execute("drop database if exists " + database);
            } catch (SQLException e) {
                System.err.println("could not drop " + database + ": " + e.getMessage());
            }
        }
        server.close();
    }
}
