package org.clearroom.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.clearroom.audit.Action;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.MerkleTree;
import org.clearroom.audit.control.LedgerSigner;
import org.clearroom.audit.control.SubtreeHashes;
import org.clearroom.identity.Role;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.InvalidInput;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The verifiable ledger over the audit trail: numbering committed entries (one sequencer per cluster,
 * elected per batch with a PostgreSQL advisory lock), storing every perfect subtree, signing a
 * checkpoint per batch, and serving checkpoints, proofs and exports.
 */
@ApplicationScoped
@Transactional
public class Ledger {

    /** The advisory lock that elects the sequencer ("LEDGER" in ASCII). */
    static final long SEQUENCER_LOCK = 0x4c45444745L;

    @Resource(lookup = "java:app/jdbc/clearroom")
    DataSource dataSource;

    @Inject
    LedgerSigner signer;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clearroom.ledger.batch", defaultValue = "5000")
    int batchSize;

    /** What a proof request answers. */
    public record InclusionProof(long index, long treeSize, byte[] leafHash, List<byte[]> hashes) {}

    public record ConsistencyProof(long from, long to, List<byte[]> hashes) {}

    /**
     * Numbers the entries committed since the last batch, in the order they became visible, stores
     * their leaves and new subtrees, and signs a checkpoint. Answers how many were numbered (0 when
     * another node holds the sequencer lock or nothing waits).
     */
    public int sequence() {
        try (var connection = dataSource.getConnection()) {
            if (!tryLock(connection)) {
                return 0;
            }
            long size = size(connection);
            var batch = pending(connection);
            if (batch.isEmpty()) {
                if (size > 0 || latestNote(connection).isPresent()) {
                    return 0;
                }
                // a new ledger signs its empty tree, so there is always a checkpoint to verify
                insertCheckpoint(connection, new Checkpoint(signer.origin(), 0, MerkleTree.emptyRoot()));
                return 0;
            }
            var frontier = frontier(connection, size);
            try (var leaves = connection.prepareStatement(
                            "insert into ledger_leaf (idx, entry_id, leaf_hash) values (?, ?, ?)");
                    var nodes =
                            connection.prepareStatement("insert into ledger_node (level, idx, hash) values (?, ?, ?)");
                    var done = connection.prepareStatement("delete from audit_pending where entry_id = ?")) {
                long index = size;
                for (var entry : batch) {
                    byte[] leaf = MerkleTree.leafHash(entry.canonical().getBytes(StandardCharsets.UTF_8));
                    leaves.setLong(1, index);
                    leaves.setString(2, entry.id());
                    leaves.setBytes(3, leaf);
                    leaves.addBatch();
                    done.setString(1, entry.id());
                    done.addBatch();
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
                done.executeBatch();
                byte[] root = frontier.get(frontier.size() - 1);
                for (int i = frontier.size() - 2; i >= 0; i--) {
                    root = MerkleTree.nodeHash(frontier.get(i), root);
                }
                insertCheckpoint(connection, new Checkpoint(signer.origin(), index, root));
            }
            return batch.size();
        } catch (SQLException e) {
            throw new IllegalStateException("sequencing failed: " + e.getMessage(), e);
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

    private List<Pending> pending(Connection connection) throws SQLException {
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

    private static Map<SubtreeHashes.Node, byte[]> fetch(Connection connection, Set<SubtreeHashes.Node> nodes)
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
        var note = signer.sign(checkpoint);
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

    private static Optional<String> latestNote(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("select note from ledger_checkpoint order by tree_size desc limit 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** The latest signed checkpoint, as a C2SP signed note. */
    public Optional<String> latestCheckpoint() {
        try (var connection = dataSource.getConnection()) {
            return latestNote(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long checkpointedSize(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("select coalesce(max(tree_size), 0) from ledger_checkpoint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public InclusionProof inclusionProof(long index, long treeSize) {
        try (var connection = dataSource.getConnection()) {
            long size = checkpointedSize(connection);
            if (treeSize < 1 || treeSize > size) {
                throw new InvalidInput("treeSize", "must be between 1 and the latest checkpoint's size, " + size);
            }
            if (index < 0 || index >= treeSize) {
                throw new InvalidInput("index", "must be at least 0 and less than treeSize");
            }
            var nodes = SubtreeHashes.plan(h -> {
                h.leaf(index);
                h.inclusionProof(index, treeSize);
            });
            var hashes = SubtreeHashes.over(fetch(connection, nodes));
            return new InclusionProof(index, treeSize, hashes.leaf(index), hashes.inclusionProof(index, treeSize));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public ConsistencyProof consistencyProof(long from, long to) {
        try (var connection = dataSource.getConnection()) {
            long size = checkpointedSize(connection);
            if (to < 1 || to > size) {
                throw new InvalidInput("to", "must be between 1 and the latest checkpoint's size, " + size);
            }
            if (from < 1 || from > to) {
                throw new InvalidInput("from", "must be between 1 and to");
            }
            var nodes = SubtreeHashes.plan(h -> h.consistencyProof(from, to));
            return new ConsistencyProof(
                    from, to, SubtreeHashes.over(fetch(connection, nodes)).consistencyProof(from, to));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The range an export covers: [from, to), to at most the latest checkpoint's size. */
    public record ExportRange(long from, long to) {}

    /** COMPLIANCE only; the export is itself an audited exchange, recorded before the bytes flow. */
    public ExportRange authorizeExport(Actor actor, Long from, Long to) {
        actor.require(Role.COMPLIANCE);
        try (var connection = dataSource.getConnection()) {
            long size = checkpointedSize(connection);
            long start = from == null ? 0 : from;
            long end = to == null ? size : to;
            if (start < 0 || start > size) {
                throw new InvalidInput("from", "must be between 0 and the latest checkpoint's size, " + size);
            }
            if (end < start || end > size) {
                throw new InvalidInput("to", "must be between from and the latest checkpoint's size, " + size);
            }
            audit.record(actor, Action.LEDGER_EXPORTED, "ledger/" + start + "-" + end);
            return new ExportRange(start, end);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Streams {@code {index, entry, leafHash}} lines with a database cursor: constant memory at any size. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void writeExport(ExportRange range, OutputStream out) throws IOException {
        var encoder = Base64.getEncoder();
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("select l.idx, e.canonical, l.leaf_hash from ledger_leaf l"
                        + " join audit_entry e on e.id = l.entry_id where l.idx >= ? and l.idx < ? order by l.idx")) {
            query.setFetchSize(2000);
            query.setLong(1, range.from());
            query.setLong(2, range.to());
            try (var rs = query.executeQuery()) {
                var line = new StringBuilder(512);
                while (rs.next()) {
                    line.setLength(0);
                    line.append("{\"index\":")
                            .append(rs.getLong(1))
                            .append(",\"entry\":")
                            .append(rs.getString(2))
                            .append(",\"leafHash\":\"")
                            .append(encoder.encodeToString(rs.getBytes(3)))
                            .append("\"}\n");
                    out.write(line.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (SQLException e) {
            throw new IOException("the export stopped: " + e.getMessage(), e);
        }
    }

    public String verifierKey() {
        return signer.verifierKey().encoded();
    }
}
