package org.clearroom.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeysetTest {

    @Test
    void keysRunningOneWayAreOneRowComparison() {
        var newest = Keyset.of(Keyset.by("created_at", true), Keyset.by("id", true));

        var condition = newest.afterSql("t", "i");

        assertThat(condition.text()).isEqualTo("(created_at, id) < (?, ?)");
        assertThat(condition.parameters()).containsExactly("t", "i");
        assertThat(newest.orderBy()).isEqualTo("created_at desc, id desc");
        assertThat(Keyset.of(Keyset.by("created_at", false), Keyset.by("id", false))
                        .afterSql("t", "i")
                        .text())
                .isEqualTo("(created_at, id) > (?, ?)");
    }

    @Test
    void mixedDirectionsAreSpeltOutKeyByKey() {
        var ranked = Keyset.of(Keyset.descending("rank"), Keyset.ascending("id"));

        var condition = ranked.afterSql(0.5f, "x");

        assertThat(condition.text()).isEqualTo("(rank < ? or (rank = ? and (id > ?)))");
        assertThat(condition.parameters()).containsExactly(0.5f, 0.5f, "x");
        assertThat(ranked.afterJpql()).isEqualTo("(rank < :key0 or (rank = :key0 and (id > :key1)))");
        assertThat(ranked.on("h").orderBy()).isEqualTo("h.rank desc, h.id asc");
    }

    /** The condition agrees with the order: exactly the rows sorting after the given one, for every row. */
    @Test
    void theConditionSelectsExactlyWhatSortsAfter() {
        record Row(boolean pinned, int at, int id) {}
        var rows = new java.util.ArrayList<Row>();
        for (boolean pinned : new boolean[] {false, true}) {
            for (int at = 0; at < 3; at++) {
                for (int id = 0; id < 3; id++) {
                    rows.add(new Row(pinned, at, id));
                }
            }
        }
        java.util.Comparator<Row> oldestPinnedFirst = java.util.Comparator.comparing(Row::pinned)
                .reversed()
                .thenComparingInt(Row::at)
                .thenComparingInt(Row::id);
        var sorted = rows.stream().sorted(oldestPinnedFirst).toList();
        var keyset = Keyset.of(Keyset.descending("pinned"), Keyset.ascending("at"), Keyset.ascending("id"));
        for (int i = 0; i < sorted.size(); i++) {
            var cursor = sorted.get(i);
            var after = rows.stream()
                    .filter(row -> evaluate(keyset.afterSql(cursor.pinned(), cursor.at(), cursor.id()), row))
                    .sorted(oldestPinnedFirst)
                    .toList();
            assertThat(after).as("after %s", cursor).isEqualTo(sorted.subList(i + 1, sorted.size()));
        }
    }

    /** Evaluates the spelt-out condition for a row of (pinned, at, id), as PostgreSQL would. */
    private static boolean evaluate(Keyset.Condition condition, Object row) {
        var values = List.of(((Record) row).getClass().getRecordComponents());
        var names = List.of("pinned", "at", "id");
        var text = condition.text();
        var parameters = new java.util.ArrayDeque<>(condition.parameters());
        var expression = new StringBuilder();
        for (var token : text.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+")) {
            if (token.equals("?")) {
                expression.append(literal(parameters.pop()));
            } else if (names.contains(token)) {
                try {
                    expression.append(literal(
                            values.get(names.indexOf(token)).getAccessor().invoke(row)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                expression.append(token);
            }
            expression.append(' ');
        }
        return Boolean.TRUE.equals(new Calculator(expression.toString()).parse());
    }

    private static String literal(Object value) {
        return value instanceof Boolean b ? (b ? "1" : "0") : value.toString();
    }

    /** Just enough of a recursive-descent evaluator for and, or, =, <, > and parentheses over integers. */
    private static final class Calculator {
        private final String[] tokens;
        private int at;

        Calculator(String expression) {
            tokens = expression.trim().split("\\s+");
        }

        Object parse() {
            return or();
        }

        private boolean or() {
            boolean value = and();
            while (at < tokens.length && tokens[at].equals("or")) {
                at++;
                value = and() | value;
            }
            return value;
        }

        private boolean and() {
            boolean value = comparison();
            while (at < tokens.length && tokens[at].equals("and")) {
                at++;
                value = comparison() & value;
            }
            return value;
        }

        private boolean comparison() {
            if (tokens[at].equals("(")) {
                at++;
                boolean value = or();
                at++; // ")"
                return value;
            }
            int left = Integer.parseInt(tokens[at++]);
            var operator = tokens[at++];
            int right = Integer.parseInt(tokens[at++]);
            return switch (operator) {
                case "<" -> left < right;
                case ">" -> left > right;
                case "=" -> left == right;
                default -> throw new IllegalStateException(operator);
            };
        }
    }
}
