package org.clearroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.Cosignature;
import org.clearroom.audit.CosignerKey;
import org.clearroom.audit.Ed25519;
import org.clearroom.audit.SignedNote;

/**
 * The resources one set of cells of {@link AuthorizationMatrixIT} is called on, made when a cell first
 * names them ({@code {room}}, {@code {flag}}, … as {@code authorization-matrix.md} lists them), over the
 * run's {@link Personas}. Refused calls of a row share one fixture, since they change nothing; each allowed
 * write gets a fixture of its own, so no cell sees what another one did.
 */
final class MatrixFixture {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Api api;
    private final Personas personas;
    private final Map<String, String> values = new HashMap<>();

    /** The key of {@code {witness}}, which only its organisation and the operators may see. */
    private KeyPair witnessKeys;

    private CosignerKey witnessKey;

    /** This fixture's part of its secret words. */
    private final String suffix = Personas.word(6);

    MatrixFixture(Api api, Personas personas) {
        this.api = api;
        this.personas = personas;
    }

    /** A path or query with every placeholder replaced, making what it names now if it does not exist yet. */
    String fillUri(String template) {
        return fill(template, value -> URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** A JSON body with every placeholder replaced by its value, escaped as in a JSON string. */
    String fillJson(String template) {
        return fill(template, value -> {
            var quoted = Json.createValue(value).toString();
            return quoted.substring(1, quoted.length() - 1);
        });
    }

    private String fill(String template, UnaryOperator<String> encoding) {
        var matcher = PLACEHOLDER.matcher(template);
        var filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(encoding.apply(value(matcher.group(1)))));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private String value(String name) {
        var known = values.get(name);
        if (known == null) {
            known = make(name); // not computeIfAbsent: making one value may make others
            values.put(name, known);
        }
        return known;
    }

    private String make(String name) {
        return switch (name) {
            case "organisation" -> personas.organisation;
            case "bystander" -> personas.bystander;
            case "author" -> personas.caller(Persona.AUTHOR).id;
            case "username" -> personas.spare.username;
            case "password" -> Api.PASSWORD;
            case "unique" -> Api.unique("matrix").toLowerCase(Locale.ROOT);
            case "room" -> room("");
            case "held-room" -> heldRoom();
            case "rule" -> api.grant(admin(), value("room"), "ORGANISATION", personas.bystander, "VIEW");
            case "thread" -> thread();
            case "post" -> {
                value("thread");
                yield values.get("post");
            }
            case "content" -> {
                value("thread"); // something to find
                yield content();
            }
            case "flag" -> flag();
            case "notification" -> notification();
            case "account" -> personas.account("account", personas.organisation).id;
            case "token" -> personas.issue(personas.caller(Persona.AUTHOR).username, Api.PASSWORD)
                    .getString("id");
            case "vkey" -> CosignerKey.of(
                            "witness." + value("unique") + ".example/w1",
                            Ed25519.generate().getPublic())
                    .encoded();
            case "witness" -> witness();
            case "checkpoint" -> Long.toString(checkpoint(1));
            case "recent" -> Long.toString(Math.max(0, Long.parseLong(value("checkpoint")) - 200));
            case "cosignature" -> cosignature();
            case "hidden-cosignature" -> hiddenCosignature();
            case "cosigned-size" -> {
                value("cosignature");
                yield values.get("cosigned-size");
            }
            default -> throw new IllegalArgumentException(
                    AuthorizationMatrix.FILE + " names {" + name + "}, which the fixture does not know");
        };
    }

    private String admin() {
        return personas.token(Persona.ADMIN);
    }

    private String content() {
        return personas.contentWord + suffix;
    }

    /**
     * A FORUM room of the owning carrier: CONTRIBUTE for the carrier, MODERATE for the moderator, and for
     * the expired persona a MODERATE rule that has run out. That rule is granted as the API allows (ahead
     * of now) and then made to have lasted one millisecond in the database, rather than waiting for it.
     */
    private String room(String kind) {
        var room = api.createRoom(admin(), "Matrix " + personas.roomWord + suffix + kind, "FORUM");
        api.grant(admin(), room, "ORGANISATION", personas.organisation, "CONTRIBUTE");
        api.grant(admin(), room, "ACCOUNT", personas.caller(Persona.MODERATOR).id, "MODERATE");
        var expiring = api.post(
                "api/rooms/" + room + "/rules",
                admin(),
                "{\"principal\":{\"type\":\"ACCOUNT\",\"id\":\"" + personas.caller(Persona.EXPIRED).id
                        + "\"},\"permission\":\"MODERATE\",\"expiresAt\":\""
                        + Instant.now().plus(Duration.ofHours(1)) + "\"}");
        assertThat(expiring.status()).as("grant: %s", expiring).isEqualTo(201);
        try (var expire = personas.database.prepareStatement(
                "update access_rule set expires_at = created_at + interval '1 millisecond' where id = ?")) {
            expire.setString(1, expiring.json().getString("id"));
            assertThat(expire.executeUpdate()).isOne();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return room;
    }

    private String heldRoom() {
        var room = room(" held");
        var held = api.request("PUT", "api/rooms/" + room + "/legal-hold")
                .bearer(personas.token(Persona.COMPLIANCE))
                .json(Api.object("reason", "Matrix hold"))
                .send();
        assertThat(held.status()).as("hold: %s", held).isEqualTo(200);
        return room;
    }

    private String thread() {
        var opened = api.post(
                "api/rooms/" + value("room") + "/threads",
                personas.token(Persona.AUTHOR),
                Api.object("title", content() + " thread", "body", content() + " first post"));
        assertThat(opened.status()).as("open: %s", opened).isEqualTo(201);
        values.put("post", opened.json().getJsonObject("firstPost").getString("id"));
        return opened.json().getJsonObject("thread").getString("id");
    }

    private String flag() {
        var flagged = api.post(
                "api/posts/" + value("post") + "/flags",
                personas.spare.token,
                Api.object("reason", "OTHER", "text", content() + " flag"));
        assertThat(flagged.status()).as("flag: %s", flagged).isEqualTo(201);
        return flagged.json().getString("id");
    }

    /** The author watches the thread it opened, so the spare member's reply notifies it. */
    private String notification() {
        var thread = value("thread");
        var reply = api.post(
                "api/threads/" + thread + "/posts", personas.spare.token, Api.object("body", content() + " reply"));
        assertThat(reply.status()).as("reply: %s", reply).isEqualTo(201);
        var deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try (var query = personas.database.prepareStatement(
                    "select id from notification" + " where account_id = ? and post_id = ? and read_at is null")) {
                query.setString(1, personas.caller(Persona.AUTHOR).id);
                query.setString(2, reply.json().getString("id"));
                try (var rs = query.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            assertThat(Instant.now()).as("the author is notified").isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** A PENDING key of an organisation of its own, registered by its one member. */
    private String witness() {
        var organisation = personas.organisation("Matrix witness", "OBSERVER");
        var member = personas.account("witness", organisation);
        personas.signIn(member);
        witnessKeys = Ed25519.generate();
        witnessKey = CosignerKey.of("witness." + value("unique") + ".example/w1", witnessKeys.getPublic());
        var registered = api.post("api/audit/witnesses", member.token, Api.object("vkey", witnessKey.encoded()));
        assertThat(registered.status()).as("register: %s", registered).isEqualTo(201);
        return registered.json().getString("id");
    }

    /**
     * {@code {witness}}'s cosignature of checkpoint {@code {checkpoint}}: valid, so that only who may see
     * the key decides the answer.
     */
    private String hiddenCosignature() {
        value("witness");
        var size = value("checkpoint");
        var note = api.get("api/audit/checkpoints/" + size, admin());
        assertThat(note.status()).as("checkpoint %s: %s", size, note).isEqualTo(200);
        return Cosignature.sign(
                        SignedNote.parse(note.body()).text(), witnessKey, witnessKeys.getPrivate(), Instant.now())
                .line()
                .strip();
    }

    /** The size of the latest signed checkpoint once it is at least {@code atLeast}. */
    private long checkpoint(long atLeast) {
        var deadline = Instant.now().plus(PATIENCE);
        while (true) {
            long size = latestCheckpoint().size();
            if (size >= atLeast) {
                return size;
            }
            assertThat(Instant.now())
                    .as("a checkpoint of size %d is signed", atLeast)
                    .isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private Checkpoint latestCheckpoint() {
        var note = api.get("api/audit/checkpoint", admin());
        assertThat(note.status()).as("checkpoint: %s", note).isEqualTo(200);
        return Checkpoint.parse(SignedNote.parse(note.body()).text());
    }

    /**
     * The owning carrier's witness cosigns a checkpoint it has not cosigned yet (a witness only moves
     * forward). If the latest is cosigned already, an audited change makes the sequencer sign a larger one.
     */
    private String cosignature() {
        long last = 0;
        try (var query = personas.database.prepareStatement(
                "select coalesce(max(tree_size), 0) from cosignature where witness_id = ?")) {
            query.setString(1, personas.witnessId);
            try (var rs = query.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (latestCheckpoint().size() <= last) {
            personas.organisation("Matrix checkpoint", "OBSERVER");
        }
        long size = checkpoint(last + 1);
        var note = api.get("api/audit/checkpoints/" + size, admin());
        assertThat(note.status()).as("checkpoint %d: %s", size, note).isEqualTo(200);
        var cosignature = Cosignature.sign(
                SignedNote.parse(note.body()).text(),
                personas.witnessKey,
                personas.witnessKeys.getPrivate(),
                Instant.now());
        values.put("cosigned-size", Long.toString(size));
        return cosignature.line().strip();
    }
}
