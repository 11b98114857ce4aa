package org.clearroom.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One keyset-paged order, for every listing: its sort keys, most significant first, each ascending or
 * descending, and the condition that selects the rows after a given row in that order. The last key
 * must make the order total (an id), so that no two rows tie and no row is shown twice or skipped.
 *
 * <p>Where all keys run the same way, the SQL condition is one row comparison, which PostgreSQL serves
 * from a matching index; otherwise it is spelt out key by key.
 */
public final class Keyset {

    /** A sort key: an SQL or JPQL expression and its direction. */
    public record Key(String expression, boolean descending) {}

    /** A condition and its parameters, in the order of the condition's {@code ?} placeholders. */
    public record Condition(String text, List<Object> parameters) {}

    private final List<Key> keys;

    private Keyset(List<Key> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one key");
        }
        this.keys = List.copyOf(keys);
    }

    public static Keyset of(Key... keys) {
        return new Keyset(List.of(keys));
    }

    public static Key ascending(String expression) {
        return new Key(expression, false);
    }

    public static Key descending(String expression) {
        return new Key(expression, true);
    }

    /** Descending when newest first, ascending when oldest first. */
    public static Key by(String expression, boolean newestFirst) {
        return new Key(expression, newestFirst);
    }

    /** The same order over the columns of {@code alias}: {@code created_at} becomes {@code alias.created_at}. */
    public Keyset on(String alias) {
        return new Keyset(keys.stream()
                .map(k -> new Key(alias + "." + k.expression(), k.descending()))
                .toList());
    }

    /** The ORDER BY list, without the keywords: {@code t.pinned desc, t.id asc}. */
    public String orderBy() {
        return keys.stream()
                .map(k -> k.expression() + (k.descending() ? " desc" : " asc"))
                .collect(Collectors.joining(", "));
    }

    /** SQL selecting the rows after the row whose sort keys are {@code values}, with {@code ?} placeholders. */
    public Condition afterSql(Object... values) {
        requireValues(values);
        boolean uniform =
                keys.stream().allMatch(k -> k.descending() == keys.get(0).descending());
        if (uniform) {
            var columns = keys.stream().map(Key::expression).collect(Collectors.joining(", "));
            var placeholders = keys.stream().map(k -> "?").collect(Collectors.joining(", "));
            return new Condition(
                    "(" + columns + ") " + (keys.get(0).descending() ? "<" : ">") + " (" + placeholders + ")",
                    List.of(values));
        }
        var parameters = new ArrayList<Object>();
        var text = spelt(0, values, parameters, index -> "?");
        return new Condition(text, parameters);
    }

    /**
     * Completes an SQL listing whose text ends in a WHERE clause: the condition for the rows after
     * {@code after} (none for the first page), this order, and a limit of {@code rows}; their parameters
     * go to {@code parameters} in the order of the placeholders.
     */
    public void page(StringBuilder sql, List<Object> parameters, Object[] after, int rows) {
        if (after != null) {
            var condition = afterSql(after);
            sql.append(" and ").append(condition.text());
            parameters.addAll(condition.parameters());
        }
        sql.append(" order by ").append(orderBy()).append(" limit ?");
        parameters.add(rows);
    }

    /**
     * JPQL selecting the rows after the row whose sort keys the caller binds as {@code :key0},
     * {@code :key1} … (JPQL has no row comparison, so the condition is spelt out).
     */
    public String afterJpql() {
        return spelt(0, null, null, index -> ":key" + index);
    }

    /** {@code a > ? or (a = ? and (b > ? or (b = ? and …)))}, a key at a time. */
    private String spelt(
            int index, Object[] values, List<Object> parameters, java.util.function.IntFunction<String> placeholder) {
        var key = keys.get(index);
        var beyond = key.expression() + (key.descending() ? " < " : " > ") + placeholder.apply(index);
        if (parameters != null) {
            parameters.add(values[index]);
        }
        if (index == keys.size() - 1) {
            return "(" + beyond + ")";
        }
        var equal = key.expression() + " = " + placeholder.apply(index);
        if (parameters != null) {
            parameters.add(values[index]);
        }
        return "(" + beyond + " or (" + equal + " and " + spelt(index + 1, values, parameters, placeholder) + "))";
    }

    private void requireValues(Object[] values) {
        if (values.length != keys.size()) {
            throw new IllegalArgumentException("a position has " + keys.size() + " keys, not " + values.length);
        }
    }
}
