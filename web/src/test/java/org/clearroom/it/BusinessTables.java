package org.clearroom.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the server's database holds, as one digest per table, for {@link AuthorizationMatrixIT} to prove
 * that a refused call changed nothing. Every table of the public schema counts, so the tables of new
 * components count without a change here, except:
 *
 * <ul>
 *   <li>{@code flyway_schema_history}: the schema's, not the business's;
 *   <li>{@code audit_pending} and the {@code ledger_*} tables: the sequencer numbers committed audit
 *       entries in the background, whatever the request at hand does. {@code audit_entry} itself counts:
 *       a refused call adds no entry;
 *   <li>{@code credential.last_used_at}: every authenticated call may move it (once a minute).
 * </ul>
 *
 * Digests are costly on a large database, so a fingerprint is reused as long as PostgreSQL has
 * completed no transaction that wrote anything since (the snapshot's xmax has not moved): no row of any
 * table changes without one.
 */
final class BusinessTables implements AutoCloseable {

    private static final Set<String> SKIPPED =
            Set.of("flyway_schema_history", "audit_pending", "ledger_leaf", "ledger_node", "ledger_checkpoint");

    /** Columns that change on reads by design, left out of their table's digest. */
    private static final Map<String, String> MOVING = Map.of("credential", "last_used_at");

    /** Each table's row count and digest, and the transaction horizon they were read at. */
    record Fingerprint(long horizon, Map<String, String> tables) {

        /** What changed from this to {@code later}, one line per table; empty when nothing did. */
        List<String> changesTo(Fingerprint later) {
            var changes = new ArrayList<String>();
            tables.forEach((table, digest) -> {
                var now = later.tables.get(table);
                if (!digest.equals(now)) {
                    long before = rows(digest);
                    long after = now == null ? 0 : rows(now);
                    changes.add(table + (before == after ? " changed" : " " + before + "→" + after + " rows"));
                }
            });
            later.tables.keySet().stream()
                    .filter(table -> !tables.containsKey(table))
                    .forEach(table -> changes.add(table + " appeared"));
            return changes;
        }

        private static long rows(String digest) {
            return Long.parseLong(digest.substring(0, digest.indexOf(':')));
        }
    }

    private final Connection connection;

    private Fingerprint last;

    BusinessTables() throws SQLException {
        connection = ClearroomDeployment.database();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
    }

    /** The tables now, as one repeatable-read snapshot. */
    Fingerprint take() throws SQLException {
        try {
            long horizon = horizon(connection);
            if (last == null || last.horizon() != horizon) {
                last = new Fingerprint(horizon, digests(connection));
            }
            return last;
        } finally {
            connection.rollback();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** The first transaction id not yet completed in this (repeatable-read) snapshot. */
    private static long horizon(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> digests(Connection connection) throws SQLException {
        var tables = new ArrayList<String>();
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
            while (rs.next()) {
                if (!SKIPPED.contains(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        }
        var sql = new StringBuilder();
        for (var table : tables) {
            var quoted = "\"" + table.replace("\"", "\"\"") + "\"";
            var row = MOVING.containsKey(table) ? "(to_jsonb(t) - '" + MOVING.get(table) + "')" : "t";
            if (!sql.isEmpty()) {
                sql.append(" union all ");
            }
            // rows in the order of their own digests: the physical order moves when a row is rewritten
            sql.append("select '")
                    .append(table)
                    .append("', count(*) || ':' || coalesce(md5(string_agg(h, '' order by h)), '')")
                    .append(" from (select md5(")
                    .append(row)
                    .append("::text) h from ")
                    .append(quoted)
                    .append(" t) x");
        }
        var digests = new TreeMap<String, String>();
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery(sql.toString())) {
            while (rs.next()) {
                digests.put(rs.getString(1), rs.getString(2));
            }
        }
        return digests;
    }
}
