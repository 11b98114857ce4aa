package org.clearroom.audit.control;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.MerkleTree;
import org.clearroom.audit.SignedNote;

/**
 * The ledger's tables, in plain JDBC on a connection the caller owns (and whose transaction the caller
 * commits): the server runs it inside its JTA transactions, the benchmarks on a bare connection.
 */
public final class LedgerStore {

    /** The advisory lock that elects the sequencer ("LEDGER" in ASCII). */
    public static final long SEQUENCER_LOCK = 0x4c45444745L;

    private final String origin;
    private final Function<Checkpoint, SignedNote> signer;
    private final Clock clock;

    public LedgerStore(String origin, Function<Checkpoint, SignedNote> signer, Clock clock) {
        this.origin = origin;
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * Numbers the entries committed since the last batch, in the order they became visible, stores
     * their leaves and new subtrees, and signs a checkpoint. Answers how many were numbered (0 when
     * another node holds the sequencer lock or nothing waits).
     */
    public int sequence(Connection connection, int batchSize) throws SQLException {
        {
            if (!tryLock(connection)) {
                return 0;
            }
            long size = size(connection);
            var batch = pending(connection, batchSize);
            if (batch.isEmpty()) {
                if (size > 0 || latestNote(connection).isPresent()) {
                    return 0;
                }
                // a new ledger signs its empty tree, so there is always a checkpoint to verify
                insertCheckpoint(connection, new Checkpoint(origin, 0, MerkleTree.emptyRoot()));
                return 0;
            }
            var frontier = frontier(connection, size);
            try (var leaves = connection.prepareStatement(
                            "insert into ledger_leaf (idx, entry_id, leaf_hash) values (?, ?, ?)");
                    var nodes =
                            connection.prepareStatement("insert into ledger_node (level, idx, hash) values (?, ?, ?)");
                    var done = connection.prepareStatement("delete from audit_pending where entry_id = any(?)")) {
                long index = size;
                for (var entry : batch) {
                    byte[] leaf = MerkleTree.leafHash(entry.canonical().getBytes(StandardCharsets.UTF_8));
                    leaves.setLong(1, index);
                    leaves.setString(2, entry.id());
                    leaves.setBytes(3, leaf);
                    leaves.addBatch();
                    // every perfect subtree this leaf completes, from the leaf itself upwards
                    byte[] hash = leaf;
                    int level = 0;
                    long position = index;
                    addNode(nodes, 0, position, hash);
                    while ((position & 1) == 1) {
                        hash = MerkleTree.nodeHash(frontier.remove(frontier.size() - 1), hash);
                        level++;
                        position >>= 1;
                        addNode(nodes, level, position, hash);
                    }
                    frontier.add(hash);
                    index++;
                }
                leaves.executeBatch();
                nodes.executeBatch();
                done.setArray(
                        1,
                        connection.createArrayOf(
                                "varchar", batch.stream().map(Pending::id).toArray()));
                done.executeUpdate();
                byte[] root = frontier.get(frontier.size() - 1);
                for (int i = frontier.size() - 2; i >= 0; i--) {
                    root = MerkleTree.nodeHash(frontier.get(i), root);
                }
                insertCheckpoint(connection, new Checkpoint(origin, index, root));
            }
            return batch.size();
        }
    }

    private static void addNode(java.sql.PreparedStatement nodes, int level, long index, byte[] hash)
            throws SQLException {
        nodes.setInt(1, level);
        nodes.setLong(2, index);
        nodes.setBytes(3, hash);
        nodes.addBatch();
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (var lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, SEQUENCER_LOCK);
            try (var rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static long size(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("select coalesce(max(idx) + 1, 0) from ledger_leaf")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private record Pending(String id, String canonical) {}

    private static List<Pending> pending(Connection connection, int batchSize) throws SQLException {
        try (var query = connection.prepareStatement("select p.entry_id, e.canonical from audit_pending p"
                + " join audit_entry e on e.id = p.entry_id order by p.position limit ?")) {
            query.setInt(1, batchSize);
            try (var rs = query.executeQuery()) {
                var list = new ArrayList<Pending>();
                while (rs.next()) {
                    list.add(new Pending(rs.getString(1), rs.getString(2)));
                }
                return list;
            }
        }
    }

    /** The perfect subtrees that make up a tree of {@code size} leaves, largest first. */
    private static List<byte[]> frontier(Connection connection, long size) throws SQLException {
        var nodes = new ArrayList<SubtreeHashes.Node>();
        long offset = 0;
        for (int level = 62; level >= 0; level--) {
            long width = 1L << level;
            if ((size & width) != 0) {
                nodes.add(new SubtreeHashes.Node(level, offset / width));
                offset += width;
            }
        }
        var fetched = fetch(connection, Set.copyOf(nodes));
        var frontier = new ArrayList<byte[]>();
        for (var node : nodes) {
            frontier.add(fetched.get(node));
        }
        return frontier;
    }

    public static Map<SubtreeHashes.Node, byte[]> fetch(Connection connection, Set<SubtreeHashes.Node> nodes)
            throws SQLException {
        var found = new HashMap<SubtreeHashes.Node, byte[]>();
        if (nodes.isEmpty()) {
            return found;
        }
        var levels = nodes.stream().map(n -> (short) n.level()).toArray(Short[]::new);
        var indexes = nodes.stream().map(SubtreeHashes.Node::index).toArray(Long[]::new);
        try (var query = connection.prepareStatement("select n.level, n.idx, n.hash from ledger_node n"
                + " join unnest(?::smallint[], ?::bigint[]) as w(level, idx) on n.level = w.level and n.idx = w.idx")) {
            query.setArray(1, connection.createArrayOf("smallint", levels));
            query.setArray(2, connection.createArrayOf("bigint", indexes));
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    found.put(new SubtreeHashes.Node(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                }
            }
        }
        if (found.size() != nodes.size()) {
            throw new IllegalStateException("the ledger is missing stored subtrees");
        }
        return found;
    }

    private void insertCheckpoint(Connection connection, Checkpoint checkpoint) throws SQLException {
        var note = signer.apply(checkpoint);
        try (var insert = connection.prepareStatement(
                "insert into ledger_checkpoint (tree_size, root_hash, note, signed_at) values (?, ?, ?, ?)"
                        + " on conflict (tree_size) do nothing")) {
            insert.setLong(1, checkpoint.size());
            insert.setBytes(2, checkpoint.rootHash());
            insert.setString(3, note.encoded());
            insert.setTimestamp(4, Timestamp.from(Instant.now(clock)));
            insert.executeUpdate();
        }
    }

    public static Optional<String> latestNote(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("select note from ledger_checkpoint order by tree_size desc limit 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    public static long checkpointedSize(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("select coalesce(max(tree_size), 0) from ledger_checkpoint")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
