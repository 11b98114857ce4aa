package org.clearroom.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The measurements of one run, printed as a Markdown table at the end (and as they come). */
final class Results {

    record Result(String benchmark, String measure, String value, String goal, String verdict) {}

    private final List<Result> results = new ArrayList<>();

    void add(String benchmark, String measure, String value, String goal, Boolean pass) {
        var result = new Result(benchmark, measure, value, goal, pass == null ? "" : pass ? "pass" : "MISS");
        results.add(result);
        System.out.printf(
                Locale.ROOT,
                "RESULT %-22s %-58s %22s  %s %s%n",
                benchmark,
                measure,
                value,
                goal.isEmpty() ? "" : "(goal " + goal + ")",
                result.verdict());
        System.out.flush();
    }

    void info(String benchmark, String measure, String value) {
        add(benchmark, measure, value, "", null);
    }

    String markdown() {
        var out = new StringBuilder(
                "| benchmark | measure | result | goal | verdict |\n| --- | --- | ---: | --- | --- |\n");
        for (var r : results) {
            out.append("| ")
                    .append(r.benchmark())
                    .append(" | ")
                    .append(r.measure())
                    .append(" | ")
                    .append(r.value())
                    .append(" | ")
                    .append(r.goal())
                    .append(" | ")
                    .append(r.verdict())
                    .append(" |\n");
        }
        return out.toString();
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
    }

    static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String list(List<Double> values, String format) {
        var out = new StringBuilder();
        for (var v : values) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(String.format(Locale.ROOT, format, v));
        }
        return out.toString();
    }
}
