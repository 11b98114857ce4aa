package org.clearroom.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code authorization-matrix.md}: for every operation of the OpenAPI document, the answer each
 * {@link Persona} gets on a resource of another organisation. An operation has one row, and a second
 * one where it has another case worth its own answers (a different request). Read strictly: a row
 * without an answer for every persona, an unknown column or the same request twice stops the test
 * before any call.
 */
record AuthorizationMatrix(List<Row> rows) {

    static final String FILE = "authorization-matrix.md";

    private static final Pattern OPERATION = Pattern.compile("(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (/[^ ?]*)");

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

    private static final Set<String> METHODS = Set.of("get", "head", "post", "put", "patch", "delete", "options");

    /** One cell: the status, and whether an allowed answer must still change nothing ({@code 200=}). */
    record Expected(int status, boolean noOp) {

        static Expected parse(String cell) {
            var noOp = cell.endsWith("=");
            var status = Integer.parseInt(noOp ? cell.substring(0, cell.length() - 1) : cell);
            if (status < 200 || status > 499) {
                throw new IllegalArgumentException("a cell is a 2xx, 3xx or 4xx status, not " + cell);
            }
            if (noOp && status >= 400) {
                throw new IllegalArgumentException("every refused call changes nothing; '=' is for allowed ones");
            }
            return new Expected(status, noOp);
        }

        /** Refused calls and allowed no-ops leave every business table as it was. */
        boolean changesNothing() {
            return status >= 400 || noOp;
        }

        @Override
        public String toString() {
            return status + (noOp ? "=" : "");
        }
    }

    /** One operation: its request (path, query and body may hold placeholders) and the answer per persona. */
    record Row(int line, String method, String path, String query, String body, Map<Persona, Expected> answers) {

        String operation() {
            return method + " " + path;
        }

        /** The operation regardless of what its path parameters are called: {@code GET /api/rooms/{}}. */
        String shape() {
            return AuthorizationMatrix.shape(method, path);
        }

        boolean safe() {
            return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        }
    }

    static String shape(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + PARAMETER.matcher(path).replaceAll("{}");
    }

    /** The operations of an OpenAPI document, by shape, each as the document writes it. */
    static Map<String, String> operationsOf(JsonObject document) {
        var operations = new TreeMap<String, String>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> operations.put(shape(method, path), method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    /** The rows by shape, each as the file writes it. */
    Map<String, String> operations() {
        var operations = new TreeMap<String, String>();
        rows.forEach(row -> operations.put(row.shape(), row.operation()));
        return operations;
    }

    static AuthorizationMatrix read() {
        var resource = Objects.requireNonNull(
                AuthorizationMatrix.class.getClassLoader().getResourceAsStream(FILE), FILE + " on the test class path");
        try (var reader = new BufferedReader(new InputStreamReader(resource, UTF_8))) {
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FILE, e);
        }
    }

    static AuthorizationMatrix parse(List<String> lines) {
        List<String> header = null;
        var rows = new ArrayList<Row>();
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i).strip();
            int number = i + 1;
            if (!line.startsWith("|")) {
                continue;
            }
            var cells = cells(line);
            if (cells.get(0).equals("operation")) {
                header = cells;
                check(header.containsAll(List.of("query", "body")), number, "the header needs query and body columns");
                var personas = header.stream()
                        .filter(c -> !List.of("operation", "query", "body").contains(c))
                        .map(Persona::ofColumn)
                        .toList();
                check(
                        personas.size() == Persona.values().length
                                && Set.copyOf(personas).size() == personas.size(),
                        number,
                        "the header needs one column per persona: " + Arrays.toString(Persona.values()));
                continue;
            }
            var operation = OPERATION.matcher(cells.get(0));
            if (header == null || !operation.matches()) {
                continue; // the preamble's tables and the separator line
            }
            check(cells.size() == header.size(), number, "has " + cells.size() + " cells, the header " + header.size());
            var answers = new EnumMap<Persona, Expected>(Persona.class);
            String query = "";
            String body = "";
            for (int c = 1; c < cells.size(); c++) {
                var column = header.get(c);
                var cell = cells.get(c);
                switch (column) {
                    case "query" -> query = cell;
                    case "body" -> body = cell;
                    default -> {
                        try {
                            answers.put(Persona.ofColumn(column), Expected.parse(cell));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalStateException(
                                    FILE + ":" + number + ": " + column + ": " + e.getMessage(), e);
                        }
                    }
                }
            }
            var row = new Row(number, operation.group(1), operation.group(2), query, body, answers);
            var earlier = seen.putIfAbsent(row.shape() + " ?" + query + " " + body, number);
            check(earlier == null, number, "line " + earlier + " sends the same request");
            rows.add(row);
        }
        check(!rows.isEmpty(), lines.size(), "no rows under an '| operation |' header");
        return new AuthorizationMatrix(List.copyOf(rows));
    }

    private static List<String> cells(String line) {
        var inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    private static void check(boolean condition, int line, String problem) {
        if (!condition) {
            throw new IllegalStateException(FILE + ":" + line + ": " + problem);
        }
    }
}
