package org.clearroom.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.clearroom.audit.Action;
import org.clearroom.audit.CanonicalJson;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.SignedNote;
import org.clearroom.audit.control.LedgerSigner;
import org.clearroom.audit.control.LedgerStore;
import org.clearroom.audit.control.SubtreeHashes;
import org.clearroom.identity.Role;
import org.clearroom.platform.control.Actor;
import org.clearroom.platform.control.Cursors;
import org.clearroom.platform.control.Digests;
import org.clearroom.platform.control.Forbidden;
import org.clearroom.platform.control.InvalidInput;
import org.clearroom.platform.control.NotFound;

/**
 * Compliance search over the audit trail, and evidence packages: an organisation's entries with an
 * inclusion proof each against one signed checkpoint, verifiable offline with the standalone verifier.
 * Both are audited exchanges.
 */
@ApplicationScoped
@Transactional
public class AuditSearch {

    public static final int MAX_PAGE = 500;

    @Resource(lookup = "java:app/jdbc/clearroom")
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    @Inject
    LedgerSigner signer;

    @Inject
    Cursors cursors;

    @Inject
    Clock clock;

    /**
     * Search filters; null means "any". {@code resource} ending in {@code *} matches a prefix. {@code cursor}
     * is the previous page's {@code next}.
     */
    public record Query(
            String organisation,
            String account,
            Action action,
            String resource,
            Instant from,
            Instant to,
            String cursor,
            int limit) {}

    /**
     * One entry as compliance sees it: the canonical entry, and its ledger index once the sequencer has
     * numbered it (null until then: index 0 is another entry).
     */
    public record Found(long position, Long index, String canonical) {}

    public record Page(List<Found> entries, String next) {}

    private static final String LISTING = "audit-entries";

    /**
     * The entries by an organisation's members or about it: the organisation itself, its accounts (created,
     * disabled, enabled) and the rules that name it, one of its accounts or its kind. Every {@code ?} is
     * the organisation's id ({@link #BY_OR_ABOUT_PARAMETERS} of them).
     */
    static final String BY_OR_ABOUT_ORGANISATION = "(e.actor_organisation = ?"
            + " or e.resource = 'organisations/' || ?"
            + " or e.resource in (select 'accounts/' || a.id from account a where a.organisation_id = ?)"
            + " or e.resource in (select 'rules/' || r.id from access_rule r"
            + "  where (r.principal_type = 'ORGANISATION' and r.principal_id = ?)"
            + "  or (r.principal_type = 'ACCOUNT'"
            + "   and r.principal_id in (select a.id from account a where a.organisation_id = ?))"
            + "  or (r.principal_type = 'ORG_KIND'"
            + "   and r.principal_kind = (select o.kind from organisation o where o.id = ?))))";

    private static final int BY_OR_ABOUT_PARAMETERS = 6;

    /** The listing a cursor belongs to: these filters' pages, so that no page starts under other filters. */
    private static String listing(Query query) {
        var filters = String.join(
                "\u0000",
                String.valueOf(query.organisation()),
                String.valueOf(query.account()),
                String.valueOf(query.action()),
                String.valueOf(query.resource()),
                String.valueOf(query.from()),
                String.valueOf(query.to()));
        return LISTING + ":" + Digests.sha256Hex(filters).substring(0, 16);
    }

    public Page search(Actor actor, Query query) {
        actor.require(Role.COMPLIANCE);
        var sql = new StringBuilder("select e.position, l.idx, e.canonical from audit_entry e"
                + " left join ledger_leaf l on l.entry_id = e.id where true");
        var parameters = new ArrayList<Object>();
        if (query.organisation() != null) {
            sql.append(" and ").append(BY_OR_ABOUT_ORGANISATION);
            for (int i = 0; i < BY_OR_ABOUT_PARAMETERS; i++) {
                parameters.add(query.organisation());
            }
        }
        if (query.account() != null) {
            sql.append(" and (e.actor_account = ? or e.resource = ?)");
            parameters.add(query.account());
            parameters.add("accounts/" + query.account());
        }
        if (query.action() != null) {
            sql.append(" and e.action = ?");
            parameters.add(query.action().name());
        }
        if (query.resource() != null) {
            if (query.resource().endsWith("*")) {
                sql.append(" and e.resource like ? escape '\\'");
                parameters.add(query.resource()
                                .substring(0, query.resource().length() - 1)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%");
            } else {
                sql.append(" and e.resource = ?");
                parameters.add(query.resource());
            }
        }
        if (query.from() != null) {
            sql.append(" and e.recorded_at >= ?");
            parameters.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and e.recorded_at < ?");
            parameters.add(Timestamp.from(query.to()));
        }
        var listing = listing(query);
        var after = cursors.read(listing, query.cursor(), 1);
        if (after.isPresent()) {
            sql.append(" and e.position < ?");
            parameters.add(after.get().number(0));
        }
        sql.append(" order by e.position desc limit ?");
        parameters.add(query.limit() + 1);
        var found = new ArrayList<Found>();
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    long position = rs.getLong(1);
                    long index = rs.getLong(2);
                    // read wasNull right after the column it is about: not yet numbered means no index
                    Long numbered = rs.wasNull() ? null : index;
                    found.add(new Found(position, numbered, rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit search failed: " + e.getMessage(), e);
        }
        var page = cursors.page(listing, found, query.limit(), last -> new Object[] {last.position()});
        audit.record(actor, Action.AUDIT_SEARCHED, "audit/entries", query.toString());
        return new Page(page.items(), page.next());
    }

    /** What an evidence package covers, fixed (and audited) before the bytes flow. */
    public record EvidencePlan(String organisation, Instant from, Instant to, long treeSize, String checkpointNote) {}

    /** COMPLIANCE, or a member of the organisation for its own evidence. */
    public EvidencePlan planEvidence(Actor actor, String organisation, Instant from, Instant to) {
        if (organisation == null || organisation.isBlank()) {
            throw new InvalidInput("organisation", "is required");
        }
        if (!actor.has(Role.COMPLIANCE) && !organisation.equals(actor.organisationId())) {
            throw new Forbidden("evidence is for compliance officers, or for members of their own organisation");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidInput("to", "must be after from");
        }
        try (var connection = dataSource.getConnection()) {
            try (var exists = connection.prepareStatement("select 1 from organisation where id = ?")) {
                exists.setString(1, organisation);
                try (var rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFound("organisation " + organisation);
                    }
                }
            }
            var note = LedgerStore.latestNote(connection).orElseThrow(() -> new NotFound("a signed checkpoint"));
            long size = Checkpoint.parse(SignedNote.parse(note).text()).size();
            audit.record(
                    actor,
                    Action.EVIDENCE_EXPORTED,
                    "organisations/" + organisation,
                    organisation + "\n" + from + "\n" + to + "\n" + size);
            return new EvidencePlan(organisation, from, to, size, note);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the zip: {@code evidence.jsonl} (one {@code {index, entry, leafHash, proof}} per entry),
     * {@code checkpoint.txt}, {@code key.vkey} and {@code manifest.json} with every file's SHA-256.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void writeEvidence(EvidencePlan plan, OutputStream out) throws IOException {
        var digests = new LinkedHashMap<String, Object>();
        long count = 0;
        try (var zip = new ZipOutputStream(out);
                var connection = dataSource.getConnection()) {
            zip.putNextEntry(new ZipEntry("evidence.jsonl"));
            var sha = sha256();
            var body = new DigestOutputStream(zip, sha);
            count = writeEntries(connection, plan, body);
            body.flush();
            zip.closeEntry();
            digests.put("evidence.jsonl", HexFormat.of().formatHex(sha.digest()));
            add(zip, digests, "checkpoint.txt", plan.checkpointNote());
            add(zip, digests, "key.vkey", signer.verifierKey().encoded() + "\n");
            var manifest = new LinkedHashMap<String, Object>();
            manifest.put("format", 1L);
            manifest.put("origin", signer.origin());
            manifest.put("organisation", plan.organisation());
            manifest.put("from", plan.from() == null ? null : plan.from().toString());
            manifest.put("to", plan.to() == null ? null : plan.to().toString());
            manifest.put("treeSize", plan.treeSize());
            manifest.put("entries", count);
            manifest.put("generatedAt", Instant.now(clock).toString());
            manifest.put("files", digests);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write((CanonicalJson.write(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
        } catch (SQLException e) {
            throw new IOException("the evidence package stopped: " + e.getMessage(), e);
        }
    }

    private static long writeEntries(Connection connection, EvidencePlan plan, OutputStream out)
            throws SQLException, IOException {
        var sql = new StringBuilder("select l.idx, e.canonical, l.leaf_hash from ledger_leaf l"
                + " join audit_entry e on e.id = l.entry_id where l.idx < ?"
                + " and " + BY_OR_ABOUT_ORGANISATION);
        if (plan.from() != null) {
            sql.append(" and e.recorded_at >= ?");
        }
        if (plan.to() != null) {
            sql.append(" and e.recorded_at < ?");
        }
        sql.append(" order by l.idx");
        long count = 0;
        var encoder = Base64.getEncoder();
        try (var query = connection.prepareStatement(sql.toString())) {
            query.setFetchSize(500);
            int p = 1;
            query.setLong(p++, plan.treeSize());
            for (int i = 0; i < BY_OR_ABOUT_PARAMETERS; i++) {
                query.setString(p++, plan.organisation());
            }
            if (plan.from() != null) {
                query.setTimestamp(p++, Timestamp.from(plan.from()));
            }
            if (plan.to() != null) {
                query.setTimestamp(p, Timestamp.from(plan.to()));
            }
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    long index = rs.getLong(1);
                    var nodes = SubtreeHashes.plan(h -> h.inclusionProof(index, plan.treeSize()));
                    var proof = SubtreeHashes.over(LedgerStore.fetch(connection, nodes))
                            .inclusionProof(index, plan.treeSize());
                    var line = new StringBuilder(1024)
                            .append("{\"index\":")
                            .append(index)
                            .append(",\"entry\":")
                            .append(rs.getString(2))
                            .append(",\"leafHash\":\"")
                            .append(encoder.encodeToString(rs.getBytes(3)))
                            .append("\",\"proof\":[");
                    for (int i = 0; i < proof.size(); i++) {
                        line.append(i == 0 ? "\"" : ",\"")
                                .append(encoder.encodeToString(proof.get(i)))
                                .append('"');
                    }
                    line.append("]}\n");
                    out.write(line.toString().getBytes(StandardCharsets.UTF_8));
                    count++;
                }
            }
        }
        return count;
    }

    private static void add(ZipOutputStream zip, Map<String, Object> digests, String name, String text)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        digests.put(name, HexFormat.of().formatHex(sha256().digest(bytes)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
