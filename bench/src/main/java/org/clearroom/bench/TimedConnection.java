package org.clearroom.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A JDBC connection that adds up, per SQL text, the wall time the client waits in execute calls and
 * commits (server work plus round trips), to tell where a piece of JDBC code spends its time. The rest
 * of its time is the client's own computing.
 */
final class TimedConnection {

    private final Map<String, long[]> spent = new LinkedHashMap<>(); // sql -> {nanos, calls}

    Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    var name = method.getName();
                    if (name.equals("commit")) {
                        return timed("commit", connection, method, args);
                    }
                    var result = invoke(connection, method, args);
                    if (name.equals("prepareStatement") && result instanceof PreparedStatement statement) {
                        return statement(PreparedStatement.class, statement, (String) args[0]);
                    }
                    if (name.equals("createStatement") && result instanceof Statement statement) {
                        return statement(Statement.class, statement, null);
                    }
                    return result;
                });
    }

    private <T extends Statement> T statement(Class<T> type, T statement, String sql) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                var text = sql != null ? sql : args != null && args.length > 0 ? (String) args[0] : "?";
                return timed(text, statement, method, args);
            }
            return invoke(statement, method, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private Object timed(String what, Object target, Method method, Object[] args) throws Throwable {
        long start = System.nanoTime();
        try {
            return invoke(target, method, args);
        } finally {
            long took = System.nanoTime() - start;
            synchronized (spent) {
                var slot = spent.computeIfAbsent(what.replaceAll("\\s+", " "), k -> new long[2]);
                slot[0] += took;
                slot[1]++;
            }
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    long totalNanos() {
        synchronized (spent) {
            return spent.values().stream().mapToLong(s -> s[0]).sum();
        }
    }

    /** Lines "  share  ms  calls  sql" of the time in statements, against {@code wallNanos} in all. */
    String report(long wallNanos) {
        var out = new StringBuilder();
        synchronized (spent) {
            spent.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .forEach(e -> out.append(String.format(
                            Locale.ROOT,
                            "     %5.1f %%  %8.0f ms  %6d calls  %s%n",
                            100.0 * e.getValue()[0] / wallNanos,
                            e.getValue()[0] / 1e6,
                            e.getValue()[1],
                            e.getKey().length() > 110 ? e.getKey().substring(0, 110) + "…" : e.getKey())));
        }
        long rest = wallNanos - totalNanos();
        out.append(String.format(
                Locale.ROOT,
                "     %5.1f %%  %8.0f ms  %6s        (in the JVM: building batches, hashing, signing)%n",
                100.0 * rest / wallNanos,
                rest / 1e6,
                ""));
        return out.toString();
    }
}
