package org.clearroom.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * CPU time, which other load on a shared machine disturbs far less than wall time: of a JVM thread
 * (ThreadMXBean) and of a PostgreSQL backend process (/proc/PID/schedstat, nanoseconds on a CPU),
 * where the server runs on this machine. Answers -1 where it cannot tell.
 */
final class Cpu {

    private Cpu() {}

    static long backendPid(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Nanoseconds process (or thread) {@code pid} has run on a CPU, or -1. */
    static long processNanos(long pid) {
        try {
            var fields = Files.readString(Path.of("/proc", Long.toString(pid), "schedstat"))
                    .strip()
                    .split(" ");
            return Long.parseLong(fields[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long threadNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static long threadNanos(long threadId) {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(threadId);
    }

    /** CPU of a connection's backend plus the calling thread, between {@link #start} and {@link #stop}. */
    static final class Meter {
        private final long[] pids;
        private long backendStart;
        private long threadStart;
        private long backend;
        private long thread;

        Meter(Connection... connections) throws SQLException {
            pids = new long[connections.length];
            for (int i = 0; i < connections.length; i++) {
                pids[i] = backendPid(connections[i]);
            }
        }

        private long backends() {
            long sum = 0;
            for (long pid : pids) {
                long n = processNanos(pid);
                if (n < 0) {
                    return -1;
                }
                sum += n;
            }
            return sum;
        }

        void start() {
            backendStart = backends();
            threadStart = Cpu.threadNanos();
        }

        void stop() {
            long b = backends();
            backend = b < 0 || backendStart < 0 ? -1 : b - backendStart;
            thread = Cpu.threadNanos() - threadStart;
        }

        /** Backend CPU nanoseconds, or -1 when the server is not on this machine. */
        long backendNanos() {
            return backend;
        }

        long threadNanos() {
            return thread;
        }

        /** Both, or -1 when the backend's is unknown. */
        long totalNanos() {
            return backend < 0 ? -1 : backend + thread;
        }
    }
}
