package org.clearroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * The server that the read benchmarks (thread page, search) share: one database, one Payara Micro
 * with the product's WAR, and the members of {@link ForumMembers}. Each benchmark adds its own rooms
 * and content, so they can run alone or one after the other.
 */
final class ReadSite implements AutoCloseable {

    final String url;
    final PayaraServer server;
    final ForumApi api;
    final ForumMembers members;
    final Connection db;
    private final BenchDatabase database;

    private ReadSite(
            BenchDatabase database,
            String url,
            PayaraServer server,
            ForumApi api,
            ForumMembers members,
            Connection db) {
        this.database = database;
        this.url = url;
        this.server = server;
        this.api = api;
        this.members = members;
        this.db = db;
    }

    static ReadSite start(BenchDatabase database, Path war, Path microJar, Path work)
            throws IOException, InterruptedException, SQLException {
        var url = database.empty("forum_reads");
        var keyFile = work.resolve("ledger-reads.key");
        Files.deleteIfExists(keyFile);
        var adminPassword = "bench-admin-" + Long.toHexString(new SplittableRandom().nextLong());
        var settings = new PayaraServer.Settings(
                microJar, war, url, database.user(), database.passwordOrPlaceholder(), adminPassword, keyFile, work);
        var server = PayaraServer.start("reads", settings);
        try {
            var api = new ForumApi(server.base());
            var members = ForumMembers.create(api, adminPassword, "reads", 8);
            return new ReadSite(database, url, server, api, members, database.connect(url));
        } catch (IOException | InterruptedException | RuntimeException | SQLException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            db.close();
        } finally {
            server.close();
            database.drop(url);
        }
    }
}
