package org.clearroom.audit.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.Cosignature;
import org.clearroom.audit.SignedNote;

/**
 * Checkpoint notes as served: the server's signed note with every cosignature accepted for that
 * checkpoint appended as further signature lines, the server's own line first and cosignatures in the
 * order they were accepted. Plain JDBC on the caller's connection, like {@link LedgerStore}.
 */
public final class CosignedNotes {

    private CosignedNotes() {}

    /** The server-signed note of the checkpoint of {@code treeSize}, without cosignatures. */
    public static Optional<String> signedNote(Connection connection, long treeSize) throws SQLException {
        try (var query = connection.prepareStatement("select note from ledger_checkpoint where tree_size = ?")) {
            query.setLong(1, treeSize);
            try (var rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The checkpoint of {@code treeSize} with its cosignatures. */
    public static Optional<String> cosignedNote(Connection connection, long treeSize) throws SQLException {
        var note = signedNote(connection, treeSize);
        return note.isPresent() ? Optional.of(withCosignatures(connection, note.get())) : note;
    }

    /** {@code note} (a stored checkpoint note) with the cosignatures accepted for its tree size appended. */
    public static String withCosignatures(Connection connection, String note) throws SQLException {
        var signed = SignedNote.parse(note);
        long size = Checkpoint.parse(signed.text()).size();
        try (var query = connection.prepareStatement("select w.name, c.signature from cosignature c"
                + " join witness w on w.id = c.witness_id where c.tree_size = ? order by c.accepted_at, w.name")) {
            query.setLong(1, size);
            try (var rs = query.executeQuery()) {
                boolean any = false;
                while (rs.next()) {
                    var cosignature = Cosignature.decode(
                            rs.getString(1), Base64.getEncoder().encodeToString(rs.getBytes(2)));
                    signed = signed.with(cosignature.toSignature());
                    any = true;
                }
                return any ? signed.encoded() : note;
            }
        }
    }
}
