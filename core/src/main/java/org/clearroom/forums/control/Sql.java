package org.clearroom.forums.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.clearroom.platform.control.TooSlow;

/**
 * Reads for listings and search in plain SQL, on the request's transaction: the queries use PostgreSQL
 * (row comparisons for cursors, text search) that JPQL cannot say. Writes stay with the entity manager
 * so they flush in order with the entities.
 */
@ApplicationScoped
public class Sql {

    @Resource(lookup = "java:app/jdbc/clearroom")
    DataSource dataSource;

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        return queryWithin(sql, row, null, null, parameters);
    }

    /**
     * A query PostgreSQL stops after {@code limit}, answered as {@link TooSlow} with {@code whyNot}: for
     * queries whose cost a caller's input decides (search).
     */
    public <T> List<T> queryWithin(String sql, Row<T> row, Duration limit, String whyNot, Object... parameters) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(sql)) {
            if (limit != null) {
                statement.setQueryTimeout((int) Math.max(1, limit.toSeconds()));
            }
            for (int i = 0; i < parameters.length; i++) {
                var value = parameters[i];
                statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
            }
            try (var rs = statement.executeQuery()) {
                var rows = new ArrayList<T>();
                while (rs.next()) {
                    rows.add(row.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            if (limit != null && QUERY_CANCELED.equals(e.getSQLState())) {
                throw new TooSlow(whyNot);
            }
            throw new IllegalStateException("forum query failed: " + e.getMessage(), e);
        }
    }

    private static final String QUERY_CANCELED = "57014";

    public long count(String sql, Object... parameters) {
        return query(sql, rs -> rs.getLong(1), parameters).get(0);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** Ids as one PostgreSQL array literal parameter, for {@code = any(string_to_array(?, ','))}. */
    public static String ids(java.util.Collection<String> ids) {
        return String.join(",", ids);
    }
}
