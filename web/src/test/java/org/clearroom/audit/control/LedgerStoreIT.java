package org.clearroom.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.Ed25519;
import org.clearroom.audit.MerkleTree;
import org.clearroom.audit.SignedNote;
import org.clearroom.audit.VerifierKey;
import org.clearroom.it.TestDatabase;
import org.clearroom.platform.boundary.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Sequencing on a real PostgreSQL with several sequencers at once (as on two Payara nodes sharing one
 * database) and writers committing meanwhile: indexes stay consecutive, every entry is numbered once,
 * and the signed roots are those of the numbered leaves. A sequencer that dies mid-batch loses nothing.
 * Each test has a freshly migrated database of its own, so neither depends on what the other left.
 */
class LedgerStoreIT {

    private static final java.security.KeyPair KEYS = Ed25519.generate();
    private static final VerifierKey KEY = VerifierKey.of("clearroom.test/store", KEYS.getPublic());

    private String url;
    private String user;
    private String password;

    @BeforeEach
    void database() throws Exception {
        var server = TestDatabase.server();
        url = server.urlOf(TestDatabase.create("ledger_store"));
        user = server.user();
        password = server.password();
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        Schema.migrate(dataSource, null);
    }

    private Connection connection() throws SQLException {
        var connection = DriverManager.getConnection(url, user, password);
        connection.setAutoCommit(false);
        return connection;
    }

    private static LedgerStore store() {
        return new LedgerStore(
                KEY.name(),
                checkpoint -> SignedNote.sign(checkpoint.body(), KEY.name(), KEYS.getPrivate(), KEY),
                Clock.systemUTC());
    }

    private static void record(Connection connection, int count) throws SQLException {
        try (var insert = connection.prepareStatement("insert into audit_entry (id, recorded_at, action, resource,"
                + " request_id, canonical) values (?, ?, 'ROOM_CREATED', ?, 'bench', ?)")) {
            for (int i = 0; i < count; i++) {
                var id = UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.setString(3, "rooms/" + id);
                insert.setString(4, "{\"id\":\"" + id + "\"}");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    @Test
    void concurrentSequencersAndWritersNeverGapOrDuplicate() throws Exception {
        var writing = new AtomicBoolean(true);
        var pool = Executors.newFixedThreadPool(5);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (int w = 0; w < 2; w++) {
                tasks.add(() -> {
                    try (var connection = connection()) {
                        for (int batch = 0; batch < 40; batch++) {
                            record(connection, 25);
                        }
                    }
                    return 0;
                });
            }
            for (int s = 0; s < 3; s++) {
                tasks.add(() -> {
                    int numbered = 0;
                    var deadline = Instant.now().plus(Duration.ofSeconds(60));
                    try (var connection = connection()) {
                        while (Instant.now().isBefore(deadline)) {
                            int n = store().sequence(connection, 64);
                            connection.commit();
                            numbered += n;
                            if (n == 0 && !writing.get() && pending(connection) == 0) {
                                break;
                            }
                        }
                    }
                    return numbered;
                });
            }
            var futures = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (var task : tasks) {
                futures.add(pool.submit(task));
            }
            futures.get(0).get();
            futures.get(1).get();
            writing.set(false);
            int total = 0;
            for (int s = 2; s < 5; s++) {
                total += futures.get(s).get();
            }
            assertThat(total).isEqualTo(2000);
        } finally {
            pool.shutdownNow();
        }

        try (var connection = connection();
                var statement = connection.createStatement()) {
            try (var rs = statement.executeQuery(
                    "select count(*), min(idx), max(idx), count(distinct entry_id) from ledger_leaf")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2000);
                assertThat(rs.getLong(2)).isZero();
                assertThat(rs.getLong(3)).isEqualTo(1999);
                assertThat(rs.getLong(4)).isEqualTo(2000);
            }
            var leaves = new ArrayList<byte[]>();
            try (var rs = statement.executeQuery("select l.leaf_hash, e.canonical from ledger_leaf l join audit_entry e"
                    + " on e.id = l.entry_id order by l.idx")) {
                while (rs.next()) {
                    assertThat(rs.getBytes(1))
                            .isEqualTo(MerkleTree.leafHash(
                                    rs.getString(2).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    leaves.add(rs.getBytes(1));
                }
            }
            try (var rs = statement.executeQuery(
                    "select tree_size, root_hash, note from ledger_checkpoint where tree_size > 0")) {
                int checked = 0;
                while (rs.next()) {
                    int size = (int) rs.getLong(1);
                    assertThat(rs.getBytes(2)).isEqualTo(MerkleTree.root(leaves.subList(0, size)));
                    var note = SignedNote.parse(rs.getString(3));
                    assertThat(note.verifiedBy(KEY)).isTrue();
                    assertThat(Checkpoint.parse(note.text()).size()).isEqualTo(size);
                    checked++;
                }
                assertThat(checked).isPositive();
            }
        }
    }

    @Test
    void aSequencerThatDiesMidBatchLosesNothing() throws Exception {
        try (var writer = connection()) {
            record(writer, 100);
        }
        long before;
        try (var connection = connection()) {
            before = size(connection);
            var dying = connection();
            store().sequence(dying, 50); // numbered, never committed
            dying.close(); // the node dies: its transaction and its lock go with the connection
            // the server ends the dead session asynchronously; the survivor's rounds take over once it has
            var deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (pending(connection) > 0 && Instant.now().isBefore(deadline)) {
                store().sequence(connection, 1000);
                connection.commit();
            }
            assertThat(size(connection)).isEqualTo(before + 100);
            assertThat(pending(connection)).isZero();
        }
    }

    private static long size(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("select count(*) from ledger_leaf")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long pending(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("select count(*) from audit_pending")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
