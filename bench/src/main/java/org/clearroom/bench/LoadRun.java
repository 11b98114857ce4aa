package org.clearroom.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code clients} threads, each sending its next request as soon as the previous
 * one answered, for a fixed time or until a number of requests succeeded. Latency is from just before
 * the request is sent to the end of the response body ({@link ForumApi.Exchange#nanos}), so checking
 * the answer afterwards is not counted; in microseconds, per kind of request. Statuses
 * other than the expected one are counted, and the first few exchanges of each are kept for the report.
 */
final class LoadRun {

    /** What one client does next: one request. Called on that client's thread only. */
    interface Step {
        Shot next() throws IOException, InterruptedException;
    }

    /** One request's kind, its exchange, and whether it answered what it should. */
    record Shot(String kind, ForumApi.Exchange exchange, boolean ok) {}

    /** What a run measured. */
    static final class Outcome {
        final Map<String, Histogram> latencies = new TreeMap<>();
        final Map<Integer, Long> statuses = new TreeMap<>();
        final List<ForumApi.Exchange> unexpected = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        long ok;
        long failed;
        double seconds;

        double rate() {
            return ok / seconds;
        }

        Histogram all() {
            var all = newHistogram();
            latencies.values().forEach(all::add);
            return all;
        }

        String describe() {
            var out = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%,d answered as expected in %.1f s (%,.0f/s), %,d not; statuses %s",
                    ok,
                    seconds,
                    rate(),
                    failed,
                    statuses));
            if (!errors.isEmpty()) {
                out.append("\n      errors: ").append(errors);
            }
            for (var exchange : unexpected) {
                out.append("\n      for example: ").append(exchange.describe());
            }
            return out.toString();
        }

        void merge(Worker worker) {
            worker.latencies.forEach((kind, h) ->
                    latencies.computeIfAbsent(kind, k -> newHistogram()).add(h));
            worker.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
            for (var exchange : worker.unexpected) {
                if (unexpected.size() < 2) {
                    unexpected.add(exchange);
                }
            }
            for (var error : worker.errors) {
                if (errors.size() < 6) {
                    errors.add(error);
                }
            }
            ok += worker.ok;
            failed += worker.failed;
        }
    }

    static Histogram newHistogram() {
        return new Histogram(600_000_000L, 3); // microseconds, up to 10 minutes
    }

    static String latencies(Histogram h) {
        return String.format(
                Locale.ROOT,
                "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n = %,d)",
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0,
                h.getTotalCount());
    }

    private LoadRun() {}

    /** Runs {@code clients} loops of {@code steps} for {@code seconds}. */
    static Outcome forSeconds(int clients, double seconds, IntFunction<Step> steps) throws InterruptedException {
        return run(clients, (long) (seconds * 1e9), Long.MAX_VALUE, steps);
    }

    /** Runs {@code clients} loops of {@code steps} until {@code successes} requests answered as expected. */
    static Outcome until(int clients, long successes, IntFunction<Step> steps) throws InterruptedException {
        return run(clients, 3_600_000_000_000L, successes, steps);
    }

    private static final class Worker {
        final Map<String, Histogram> latencies = new TreeMap<>();
        final Map<Integer, Long> statuses = new TreeMap<>();
        final List<ForumApi.Exchange> unexpected = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        long ok;
        long failed;
    }

    private static Outcome run(int clients, long nanos, long successes, IntFunction<Step> steps)
            throws InterruptedException {
        var workers = new ArrayList<Worker>();
        var threads = new ArrayList<Thread>();
        var succeeded = new AtomicLong();
        var stepList = new ArrayList<Step>();
        for (int c = 0; c < clients; c++) {
            stepList.add(steps.apply(c));
        }
        long start = System.nanoTime();
        long deadline = start + nanos;
        for (int c = 0; c < clients; c++) {
            var worker = new Worker();
            var step = stepList.get(c);
            workers.add(worker);
            var thread = new Thread(() -> loop(worker, step, deadline, successes, succeeded), "client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (var thread : threads) {
            thread.join();
        }
        var outcome = new Outcome();
        outcome.seconds = (Math.min(System.nanoTime(), deadline) - start) / 1e9;
        workers.forEach(outcome::merge);
        return outcome;
    }

    private static void loop(Worker worker, Step step, long deadline, long successes, AtomicLong succeeded) {
        while (System.nanoTime() < deadline && succeeded.get() < successes) {
            try {
                var shot = step.next();
                long done = System.nanoTime();
                if (done > deadline) {
                    break; // answered after the end: not part of the measured window
                }
                worker.statuses.merge(shot.exchange().status(), 1L, Long::sum);
                if (shot.ok()) {
                    worker.ok++;
                    succeeded.incrementAndGet();
                    worker.latencies
                            .computeIfAbsent(shot.kind(), k -> newHistogram())
                            .recordValue(Math.max(1, shot.exchange().nanos() / 1000));
                } else {
                    worker.failed++;
                    if (worker.unexpected.size() < 2) {
                        worker.unexpected.add(shot.exchange());
                    }
                }
            } catch (IOException | RuntimeException e) {
                worker.failed++;
                if (worker.errors.size() < 3) {
                    worker.errors.add(e.toString());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
