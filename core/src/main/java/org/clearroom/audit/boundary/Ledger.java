package org.clearroom.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.clearroom.audit.Action;
import org.clearroom.audit.control.LedgerSigner;
import org.clearroom.audit.control.LedgerStore;
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

    private LedgerStore store() {
        return new LedgerStore(signer.origin(), signer::sign, clock);
    }

    /**
     * Numbers the entries committed since the last batch, in the order they became visible, stores
     * their leaves and new subtrees, and signs a checkpoint. Answers how many were numbered (0 when
     * another node holds the sequencer lock or nothing waits).
     */
    public int sequence() {
        try (var connection = dataSource.getConnection()) {
            return store().sequence(connection, batchSize);
        } catch (SQLException e) {
            throw new IllegalStateException("sequencing failed: " + e.getMessage(), e);
        }
    }

    /** The latest signed checkpoint, as a C2SP signed note. */
    public Optional<String> latestCheckpoint() {
        try (var connection = dataSource.getConnection()) {
            var note = LedgerStore.latestNote(connection);
            // the server's own signature line first, then every witness cosignature accepted for it
            return note.isEmpty()
                    ? note
                    : Optional.of(org.clearroom.audit.control.CosignedNotes.withCosignatures(connection, note.get()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public InclusionProof inclusionProof(long index, long treeSize) {
        try (var connection = dataSource.getConnection()) {
            long size = LedgerStore.checkpointedSize(connection);
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
            var hashes = SubtreeHashes.over(LedgerStore.fetch(connection, nodes));
            return new InclusionProof(index, treeSize, hashes.leaf(index), hashes.inclusionProof(index, treeSize));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public ConsistencyProof consistencyProof(long from, long to) {
        try (var connection = dataSource.getConnection()) {
            long size = LedgerStore.checkpointedSize(connection);
            if (to < 1 || to > size) {
                throw new InvalidInput("to", "must be between 1 and the latest checkpoint's size, " + size);
            }
            if (from < 1 || from > to) {
                throw new InvalidInput("from", "must be between 1 and to");
            }
            var nodes = SubtreeHashes.plan(h -> h.consistencyProof(from, to));
            return new ConsistencyProof(
                    from,
                    to,
                    SubtreeHashes.over(LedgerStore.fetch(connection, nodes)).consistencyProof(from, to));
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
            long size = LedgerStore.checkpointedSize(connection);
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
