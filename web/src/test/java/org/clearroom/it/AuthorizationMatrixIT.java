package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.clearroom.it.AuthorizationMatrix.Row;
import org.junit.jupiter.api.Test;

/**
 * Issue 8: every operation of the OpenAPI document, called by every {@link Persona} on a resource of
 * another organisation, answers what {@code authorization-matrix.md} says; no refused call changes a
 * business table or adds an audit entry; nobody finds the name or content of a room it has no rule on in
 * any answer; and the document has no operation without a row.
 */
class AuthorizationMatrixIT extends ClearroomDeployment {

    /** A cell that answered otherwise than the file says. */
    private record Finding(Row row, Persona persona, String got, String what) {}

    @Test
    void everyOperationOfTheDocumentHasARowAndEveryRowAnOperation() throws IOException {
        var rows = AuthorizationMatrix.read().operations();
        var documented = new TreeMap<String, String>(AuthorizationMatrix.operationsOf(builtDocument()));
        var served = api.request("GET", "openapi")
                .header("Accept", "application/json")
                .send();
        assertThat(served.status()).as("GET /openapi").isEqualTo(200);
        AuthorizationMatrix.operationsOf(served.json()).forEach(documented::putIfAbsent);

        var missing = documented.entrySet().stream()
                .filter(operation -> !rows.containsKey(operation.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        var stale = rows.entrySet().stream()
                .filter(row -> !documented.containsKey(row.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        var problems = new ArrayList<String>();
        if (!missing.isEmpty()) {
            problems.add("operations of the OpenAPI document without a row in " + AuthorizationMatrix.FILE
                    + " (add one, with the answer of every persona): " + missing);
        }
        if (!stale.isEmpty()) {
            problems.add("rows of " + AuthorizationMatrix.FILE
                    + " for operations the OpenAPI document does not have (remove them, or fix the path): " + stale);
        }
        assertThat(problems)
                .withFailMessage("%s", String.join(System.lineSeparator(), problems))
                .isEmpty();
    }

    @Test
    void everyPersonaGetsTheAnswerOfItsCellAndNoRefusedCallChangesAnything() throws SQLException {
        long started = System.nanoTime();
        var matrix = AuthorizationMatrix.read();
        var slowest = new TreeMap<Long, String>(Comparator.reverseOrder());
        List<Finding> findings;
        try (var run = new Run()) {
            for (var row : matrix.rows()) {
                long rowStarted = System.nanoTime();
                run.row(row);
                slowest.put(System.nanoTime() - rowStarted, row.operation());
            }
            findings = run.findings;
        }
        var report = report(findings);
        System.out.printf(
                "Authorization matrix: %d rows, %d cells, %d findings in %d s; slowest rows: %s%n%s",
                matrix.rows().size(),
                matrix.rows().size() * Persona.values().length,
                findings.size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                slowest.entrySet().stream()
                        .limit(5)
                        .map(e -> e.getValue() + " "
                                + Duration.ofNanos(e.getKey()).toMillis() + " ms")
                        .toList(),
                report);
        assertThat(findings)
                .withFailMessage(
                        "%d cells of %s answered otherwise:%n%s", findings.size(), AuthorizationMatrix.FILE, report)
                .isEmpty();
    }

    /** One pass over the matrix: the personas, the database they act on, and what was found. */
    private final class Run implements AutoCloseable {

        final Personas personas = new Personas(api);
        final BusinessTables tables = new BusinessTables();
        final List<Finding> findings = new ArrayList<>();

        Run() throws SQLException {}

        /**
         * Refused calls and allowed no-ops first, each between two fingerprints of the database, on one
         * fixture they share; then allowed reads on that fixture; then allowed writes, each on a fixture of
         * its own and leaving the personas as they were (signed in, with no witness key pending).
         */
        void row(Row row) throws SQLException {
            var shared = new MatrixFixture(api, personas);
            for (var persona : Persona.values()) {
                if (row.answers().get(persona).changesNothing()) {
                    call(row, persona, shared, true);
                }
            }
            for (var persona : Persona.values()) {
                if (!row.answers().get(persona).changesNothing() && row.safe()) {
                    call(row, persona, shared, false);
                }
            }
            for (var persona : Persona.values()) {
                if (!row.answers().get(persona).changesNothing() && !row.safe()) {
                    call(row, persona, new MatrixFixture(api, personas), false);
                    for (var ended : personas.renewEndedTokens()) {
                        if (ended != persona) {
                            findings.add(new Finding(row, persona, "-", "ended the token of " + ended.column()));
                        }
                    }
                    personas.rejectPendingWitnessKeys();
                }
            }
        }

        /**
         * Sends one cell and notes what is wrong with the answer. The fixture is completed before the first
         * fingerprint, so that only the call lies between the two.
         */
        private void call(Row row, Persona persona, MatrixFixture fixture, boolean changesNothing) {
            var expected = row.answers().get(persona);
            try {
                var path =
                        fixture.fillUri(row.path()) + (row.query().isEmpty() ? "" : "?" + fixture.fillUri(row.query()));
                var request = api.request(row.method(), path).bearer(personas.token(persona));
                if (!row.body().isEmpty()) {
                    request.json(fixture.fillJson(row.body()));
                }
                var before = changesNothing ? tables.take() : null;
                var reply = request.send();
                var wrong = new ArrayList<String>();
                if (reply.status() != expected.status()) {
                    wrong.add(summary(reply));
                }
                if (before != null) {
                    var changes = before.changesTo(tables.take());
                    if (!changes.isEmpty()) {
                        wrong.add("changed " + String.join(", ", changes));
                    }
                }
                var body = Objects.requireNonNullElse(reply.body(), "");
                if (persona.sight != Persona.Sight.CONTENT && body.contains(personas.contentWord)) {
                    wrong.add("the answer shows the room's content");
                }
                if (persona.sight == Persona.Sight.NOTHING && body.contains(personas.roomWord)) {
                    wrong.add("the answer names the room");
                }
                if (!wrong.isEmpty()) {
                    findings.add(new Finding(row, persona, Integer.toString(reply.status()), String.join("; ", wrong)));
                }
            } catch (RuntimeException | AssertionError | SQLException e) {
                findings.add(new Finding(row, persona, "-", "could not be tried: " + firstLine(e.getMessage())));
            }
        }

        @Override
        public void close() throws SQLException {
            try (personas;
                    tables) {
                // both closed, whatever happens to either
            }
        }
    }

    /** The answer in one short line: a problem's detail, or the start of the body. */
    private static String summary(Reply reply) {
        var body = Objects.requireNonNullElse(reply.body(), "");
        var type = Objects.requireNonNullElse(reply.contentType(), "");
        if (type.startsWith("application/problem+json") || type.startsWith("application/json")) {
            try {
                var json = reply.json();
                if (json.containsKey("detail")) {
                    return "answered " + reply.status() + ": " + shorten(json.getString("detail", ""));
                }
            } catch (RuntimeException e) {
                // not an object: the start of the body says enough
            }
        }
        return "answered " + reply.status() + ": " + shorten(body);
    }

    private static String shorten(String text) {
        var line = firstLine(text);
        return line.length() > 110 ? line.substring(0, 110) + "…" : line;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        var strip = text.strip();
        int end = strip.indexOf('\n');
        return end < 0 ? strip : strip.substring(0, end);
    }

    /** The findings as a table: line of the file, operation, persona, expected, got, what. */
    private static String report(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "";
        }
        int operation = "operation".length();
        for (var finding : findings) {
            operation = Math.max(operation, finding.row().operation().length());
        }
        var format = "%-5s %-" + operation + "s  %-10s  %-8s  %-3s  %s%n";
        var table = new StringBuilder(String.format(format, "line", "operation", "persona", "expected", "got", "what"));
        for (var finding : findings) {
            table.append(String.format(
                    format,
                    finding.row().line(),
                    finding.row().operation(),
                    finding.persona().column(),
                    finding.row().answers().get(finding.persona()),
                    finding.got(),
                    finding.what()));
        }
        return table.toString();
    }

    private JsonObject builtDocument() throws IOException {
        var resource = Objects.requireNonNull(
                getClass().getClassLoader().getResource("META-INF/openapi.json"), "the build writes the document");
        try (var reader = Json.createReader(new InputStreamReader(resource.openStream(), StandardCharsets.UTF_8))) {
            return reader.readObject();
        }
    }
}
