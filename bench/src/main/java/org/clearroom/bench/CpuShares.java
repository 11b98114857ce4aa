package org.clearroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Where the CPU went during a load: the Payara process, the PostgreSQL server (its postmaster and
 * every child process, found through a backend's parent), this load driver, and the whole machine
 * (/proc/stat), so that "everything else" is what other people ran meanwhile. Process times come from
 * /proc/PID/stat (user + system, all threads) in clock ticks; -1 where a process cannot be read
 * (PostgreSQL on another machine).
 */
final class CpuShares {

    private static final double TICK = 0.01; // USER_HZ is 100 on Linux

    private final long payaraPid;
    private final long postmasterPid;
    private final long driverPid = ProcessHandle.current().pid();

    private double payaraStart;
    private double postgresStart;
    private double driverStart;
    private double busyStart;
    private double totalStart;
    private double payara;
    private double postgres;
    private double driver;
    private double busy;
    private double total;

    CpuShares(long payaraPid, Connection anyConnection) throws SQLException {
        this.payaraPid = payaraPid;
        this.postmasterPid = parentOf(Cpu.backendPid(anyConnection));
    }

    void start() {
        payaraStart = seconds(payaraPid);
        postgresStart = postgresSeconds();
        driverStart = seconds(driverPid);
        var machine = machine();
        busyStart = machine[0];
        totalStart = machine[1];
    }

    void stop() {
        payara = seconds(payaraPid) - payaraStart;
        postgres = postgresSeconds() - postgresStart;
        driver = seconds(driverPid) - driverStart;
        var machine = machine();
        busy = machine[0] - busyStart;
        total = machine[1] - totalStart;
    }

    /** CPU seconds per {@code n} operations, by process, in milliseconds, and how busy the machine was. */
    String per(long n, String what) {
        double other = busy - payara - Math.max(0, postgres) - driver;
        return String.format(
                Locale.ROOT,
                "CPU per %s: Payara %.2f ms, PostgreSQL %s, load driver %.2f ms, other processes %.2f ms;"
                        + " machine busy %.0f %% of %d cores",
                what,
                payara * 1000 / n,
                postgres < 0 ? "?" : String.format(Locale.ROOT, "%.2f ms", postgres * 1000 / n),
                driver * 1000 / n,
                other * 1000 / n,
                total <= 0 ? 0 : 100 * busy / total,
                Runtime.getRuntime().availableProcessors());
    }

    private double postgresSeconds() {
        if (postmasterPid <= 0) {
            return -1;
        }
        double sum = seconds(postmasterPid);
        try (var processes = Files.list(Path.of("/proc"))) {
            for (var dir : processes.toList()) {
                var name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                var stat = stat(Long.parseLong(name));
                if (stat != null && Long.parseLong(stat[1]) == postmasterPid) {
                    sum += (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) * TICK;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return sum;
    }

    private static long parentOf(long pid) {
        var stat = stat(pid);
        return stat == null ? -1 : Long.parseLong(stat[1]);
    }

    private static double seconds(long pid) {
        var stat = stat(pid);
        return stat == null ? 0 : (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) * TICK;
    }

    /** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime. */
    private static String[] stat(long pid) {
        try {
            var text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Busy and total CPU seconds of the whole machine, summed over its cores. */
    private static double[] machine() {
        try {
            var cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new double[] {(total - idle) * TICK, total * TICK};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0};
        }
    }
}
