package org.clearroom.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.clearroom.audit.Action;
import org.clearroom.audit.entity.AuditEntry;

/**
 * Realistic audit entries: built by the server's own {@link AuditEntry} (so the canonical JSON is
 * exactly what the server would store), with a few hundred accounts in a few dozen organisations,
 * resources of the documented forms and a content digest on about half of them.
 */
final class Entries {

    /** One audit_entry row, all columns as the server writes them. */
    record Row(
            String id,
            Instant recordedAt,
            String account,
            String organisation,
            String action,
            String resource,
            String requestId,
            String client,
            String digest,
            String canonical) {}

    static final String INSERT_COLUMNS = "(id, recorded_at, actor_account, actor_organisation, action, resource,"
            + " request_id, client_address, content_digest, canonical) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A table of audit_entry's shape (columns, keys, indexes) without its triggers. */
    static final String PLAIN_TABLE =
            """
            create table plain_entry (
                id                 varchar(36)  primary key,
                position           bigserial    not null unique,
                recorded_at        timestamptz  not null,
                actor_account      varchar(36),
                actor_organisation varchar(36),
                action             varchar(40)  not null,
                resource           varchar(200) not null,
                request_id         varchar(64)  not null,
                client_address     varchar(64),
                content_digest     varchar(64),
                canonical          text         not null
            );
            create index plain_entry_actor_organisation on plain_entry (actor_organisation, recorded_at);
            create index plain_entry_actor_account on plain_entry (actor_account, recorded_at);
            create index plain_entry_resource on plain_entry (resource, recorded_at);
            """;

    private static final Action[] ACTIONS = {
        Action.SIGN_IN,
        Action.SIGN_IN,
        Action.SIGN_IN,
        Action.SIGN_OUT,
        Action.ROOM_CREATED,
        Action.RULE_GRANTED,
        Action.ACCESS_EXPLAINED,
        Action.ACCOUNT_CREATED,
        Action.SIGN_IN_FAILED,
        Action.AUDIT_SEARCHED,
        Action.RULE_REVOKED,
        Action.TOKEN_REVOKED
    };
    private static final String[] KINDS = {"rooms/", "rules/", "accounts/", "sessions/", "tokens/"};

    private final SplittableRandom random;
    private final String[] organisations;
    private final String[] accounts;
    private final HexFormat hex = HexFormat.of();
    private Instant clock = Instant.parse("2026-11-27T05:37:54.839975Z");

    Entries(long seed) {
        random = new SplittableRandom(seed);
        organisations = new String[40];
        for (int i = 0; i < organisations.length; i++) {
            organisations[i] = uuid();
        }
        accounts = new String[400];
        for (int i = 0; i < accounts.length; i++) {
            accounts[i] = uuid();
        }
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    Row next() {
        clock = clock.plusNanos(random.nextInt(1_000, 2_000_000));
        int who = random.nextInt(accounts.length);
        var action = ACTIONS[random.nextInt(ACTIONS.length)];
        boolean anonymous = action == Action.SIGN_IN_FAILED;
        String account = anonymous ? null : accounts[who];
        String organisation = anonymous ? null : organisations[who % organisations.length];
        String resource = anonymous ? "sign-in/user" + who : KINDS[random.nextInt(KINDS.length)] + uuid();
        String requestId = hex.formatHex(longBytes(random.nextLong(), random.nextLong()));
        String client = "198.51.100." + random.nextInt(1, 255);
        String digest = random.nextBoolean()
                ? hex.formatHex(longBytes(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()))
                : null;
        return of(clock, account, organisation, action, resource, requestId, client, digest);
    }

    static Row of(
            Instant at,
            String account,
            String organisation,
            Action action,
            String resource,
            String requestId,
            String client,
            String digest) {
        var recorded = at.truncatedTo(ChronoUnit.MICROS);
        var entry = new AuditEntry(recorded, account, organisation, action, resource, requestId, client, digest);
        return new Row(
                entry.id(),
                recorded,
                account,
                organisation,
                entry.action(),
                entry.resource(),
                requestId,
                client,
                digest,
                entry.canonical());
    }

    List<Row> next(int count) {
        var rows = new ArrayList<Row>(count);
        for (int i = 0; i < count; i++) {
            rows.add(next());
        }
        return rows;
    }

    private static byte[] longBytes(long... values) {
        var out = new byte[values.length * 8];
        for (int i = 0; i < values.length; i++) {
            for (int b = 0; b < 8; b++) {
                out[i * 8 + b] = (byte) (values[i] >>> (56 - 8 * b));
            }
        }
        return out;
    }

    static PreparedStatement prepareInsert(Connection connection, String table) throws SQLException {
        return connection.prepareStatement("insert into " + table + " " + INSERT_COLUMNS);
    }

    static void bind(PreparedStatement insert, Row row) throws SQLException {
        insert.setString(1, row.id());
        insert.setObject(2, OffsetDateTime.ofInstant(row.recordedAt(), ZoneOffset.UTC));
        insert.setString(3, row.account());
        insert.setString(4, row.organisation());
        insert.setString(5, row.action());
        insert.setString(6, row.resource());
        insert.setString(7, row.requestId());
        insert.setString(8, row.client());
        insert.setString(9, row.digest());
        insert.setString(10, row.canonical());
    }

    /** Inserts rows [from, to) into {@code table}, committing every {@code batch} rows. */
    static void insert(Connection connection, String table, List<Row> rows, int from, int to, int batch)
            throws SQLException {
        connection.setAutoCommit(false);
        try (var insert = prepareInsert(connection, table)) {
            for (int start = from; start < to; start += batch) {
                int end = Math.min(to, start + batch);
                for (int i = start; i < end; i++) {
                    bind(insert, rows.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
        }
    }
}
