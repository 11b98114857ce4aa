package org.clearroom.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Clearroom HTTP API as the benchmarks call it: plain {@link HttpClient} (HTTP/1.1, kept-alive
 * connections), JSON bodies, bearer tokens, and an {@code X-Request-Id} of ours on every request so
 * that a failed request can be found in the server's log. Setup calls expect one status and fail with
 * the whole exchange otherwise ({@link Failure}); the load loops look at the status themselves.
 */
final class ForumApi {

    /** One exchange, as the load loops see it. */
    record Exchange(
            String method, String path, String requestBody, String requestId, int status, String body, long nanos) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        String describe() {
            return method + " " + path + (requestBody == null ? "" : " " + abbreviate(requestBody, 300))
                    + "\n      X-Request-Id: " + requestId + "\n      -> " + status + " " + abbreviate(body, 600);
        }
    }

    /** A setup call that answered something other than expected: the whole exchange, for the report. */
    static final class Failure extends RuntimeException {
        private final transient Exchange exchange;

        Failure(String expected, Exchange exchange) {
            super("expected " + expected + ":\n      " + exchange.describe());
            this.exchange = exchange;
        }

        Exchange exchange() {
            return exchange;
        }
    }

    private static final AtomicLong REQUESTS = new AtomicLong();

    private final URI base;
    private final HttpClient client;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    ForumApi(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                // the callers' threads do the waiting; the client's own work stays small
                .executor(Executors.newCachedThreadPool(r -> {
                    var thread = new Thread(r, "http-client");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    Exchange get(String token, String path) throws IOException, InterruptedException {
        return send("GET", path, token, null);
    }

    Exchange post(String token, String path, JsonStructure body) throws IOException, InterruptedException {
        return send("POST", path, token, body == null ? null : body.toString());
    }

    Exchange send(String method, String path, String token, String body) throws IOException, InterruptedException {
        var requestId = "bench-" + runId + "-" + REQUESTS.incrementAndGet();
        var builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("X-Request-Id", requestId);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        var request = builder.build();
        long sent = System.nanoTime();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long took = System.nanoTime() - sent;
        return new Exchange(method, path, body, requestId, response.statusCode(), response.body(), took);
    }

    /** The exchange's JSON when its status is {@code status}; otherwise a {@link Failure} naming all of it. */
    static JsonObject expect(int status, Exchange exchange) {
        if (exchange.status() != status) {
            throw new Failure(Integer.toString(status), exchange);
        }
        try {
            return exchange.json();
        } catch (RuntimeException e) {
            throw new Failure(status + " with a JSON object", exchange);
        }
    }

    // ---- the setup calls

    String signIn(String username, String password) throws IOException, InterruptedException {
        var body = Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .add("label", "forum bench")
                .build();
        return expect(201, post(null, "api/auth/tokens", body)).getString("token");
    }

    String createOrganisation(String admin, String name, String kind) throws IOException, InterruptedException {
        var body =
                Json.createObjectBuilder().add("name", name).add("kind", kind).build();
        return expect(201, post(admin, "api/organisations", body)).getString("id");
    }

    String createAccount(String admin, String username, String organisationId, String password)
            throws IOException, InterruptedException {
        var body = Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", username)
                .add("organisationId", organisationId)
                .add("password", password)
                .build();
        return expect(201, post(admin, "api/accounts", body)).getString("id");
    }

    String createRoom(String admin, String name, String kind) throws IOException, InterruptedException {
        var body = Json.createObjectBuilder()
                .add("name", name)
                .add("kind", kind)
                .add("description", "made by the forum benchmark")
                .build();
        return expect(201, post(admin, "api/rooms", body)).getString("id");
    }

    /** A rule on {@code roomId} for every organisation of {@code kind}. */
    void grantKind(String admin, String roomId, String kind, String permission)
            throws IOException, InterruptedException {
        grant(
                admin,
                roomId,
                Json.createObjectBuilder()
                        .add("type", "ORG_KIND")
                        .add("kind", kind)
                        .build(),
                permission);
    }

    /** A rule on {@code roomId} for one organisation or account ({@code type} ORGANISATION or ACCOUNT). */
    void grantTo(String admin, String roomId, String type, String id, String permission)
            throws IOException, InterruptedException {
        grant(
                admin,
                roomId,
                Json.createObjectBuilder().add("type", type).add("id", id).build(),
                permission);
    }

    private void grant(String admin, String roomId, JsonObject principal, String permission)
            throws IOException, InterruptedException {
        var body = Json.createObjectBuilder()
                .add("principal", principal)
                .add("permission", permission)
                .build();
        expect(201, post(admin, "api/rooms/" + roomId + "/rules", body));
    }

    /** Opens a thread; answers its id. */
    String openThread(String token, String roomId, String title, String body) throws IOException, InterruptedException {
        var request =
                Json.createObjectBuilder().add("title", title).add("body", body).build();
        return expect(201, post(token, "api/rooms/" + roomId + "/threads", request))
                .getJsonObject("thread")
                .getString("id");
    }

    static JsonObject reply(String body) {
        return Json.createObjectBuilder().add("body", body).build();
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text, int max) {
        if (text == null) {
            return "(no body)";
        }
        var oneLine = text.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "… (" + text.length() + " chars)";
    }
}
