package org.clearroom.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.clearroom.audit.control.LedgerStore;

/**
 * The server's sequencing schedule on a bare connection, as the Sequencer bean runs it: each round,
 * sequence batches while a full batch came back, then wait the interval (fixed delay, 250 ms by
 * default). Records when each checkpoint committed (System.nanoTime) for the lag measurement.
 */
final class SequencerLoop implements AutoCloseable {

    /** A checkpoint of {@code size} entries became visible (committed) at {@code nanos}. */
    record Committed(long size, long nanos) {}

    private final LedgerStore store;
    private final Connection connection;
    private final int batchSize;
    private final long intervalMillis;
    private final List<Committed> checkpoints = new ArrayList<>();
    private final AtomicLong sequenced = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private long busyNanos;
    private final Cpu.Meter meter;

    SequencerLoop(LedgerStore store, Connection connection, int batchSize, long intervalMillis) throws SQLException {
        this.store = store;
        this.connection = connection;
        this.batchSize = batchSize;
        this.intervalMillis = intervalMillis;
        connection.setAutoCommit(false);
        meter = new Cpu.Meter(connection);
        thread = new Thread(this::run, "sequencer");
        thread.setDaemon(true);
    }

    SequencerLoop start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            meter.start();
            while (!stopping) {
                int n;
                do {
                    long start = System.nanoTime();
                    n = store.sequence(connection, batchSize);
                    connection.commit();
                    long end = System.nanoTime();
                    if (n > 0) {
                        busyNanos += end - start;
                        long total = sequenced.addAndGet(n);
                        synchronized (checkpoints) {
                            checkpoints.add(new Committed(total, end));
                        }
                    }
                } while (n >= batchSize && !stopping);
                Thread.sleep(intervalMillis); // the server's schedule: a fixed delay between rounds
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure = e;
        } finally {
            meter.stop();
        }
    }

    /** Entries numbered by this loop so far. */
    long sequenced() {
        return sequenced.get();
    }

    /** Waits until at least {@code count} entries are numbered; answers System.nanoTime() of that checkpoint. */
    long awaitSequenced(long count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (sequenced.get() < count) {
            if (failure != null) {
                throw new IllegalStateException("the sequencer failed", failure);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the sequencer numbered " + sequenced.get() + " of " + count + " in time");
            }
            Thread.sleep(1); // a bounded poll (deadline above) of a counter another thread advances
        }
        synchronized (checkpoints) {
            for (var c : checkpoints) {
                if (c.size() >= count) {
                    return c.nanos();
                }
            }
        }
        throw new IllegalStateException("no checkpoint covers " + count);
    }

    List<Committed> checkpoints() {
        synchronized (checkpoints) {
            return List.copyOf(checkpoints);
        }
    }

    /** Time spent inside sequence() and commit for non-empty batches. */
    long busyNanos() {
        return busyNanos;
    }

    /** CPU of the sequencer's thread and backend over its life; valid after {@link #close}. */
    Cpu.Meter cpu() {
        return meter;
    }

    @Override
    public void close() throws SQLException {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
        if (failure != null) {
            throw new IllegalStateException("the sequencer failed", failure);
        }
    }
}
