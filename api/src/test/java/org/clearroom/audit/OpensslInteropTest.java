package org.clearroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints signed by Clearroom verify with OpenSSL alone, and Ed25519 signatures made by OpenSSL verify with
 * Clearroom. Written against OpenSSL 3.0 (Ed25519 in {@code pkeyutl} needs {@code -rawin}, which 3.0 introduced).
 *
 * <p>The commands, for a checkpoint note {@code note.txt} and the log's verifier key {@code $VKEY}
 * ({@code name+keyid+base64(0x01 || key)}), needing only OpenSSL 3 and a POSIX shell ({@link #REGULATOR_SCRIPT}):
 *
 * <pre>{@code
 * export LC_ALL=C
 * name=$(printf '%s' "$VKEY" | cut -d+ -f1)
 * keyid=$(printf '%s' "$VKEY" | cut -d+ -f2)
 * # the raw 32-byte public key, then as X.509 SubjectPublicKeyInfo: 302a300506032b6570032100 || key
 * printf '%s' "$VKEY" | cut -d+ -f3- | openssl base64 -d -A | tail -c 32 > pub.raw
 * { printf '\060\052\060\005\006\003\053\145\160\003\041\000'; cat pub.raw; } > pub.der
 * openssl pkey -pubin -inform DER -in pub.der -out pub.pem
 * # the key id is SHA-256(name || 0x0A || 0x01 || key)[:4]
 * { printf '%s\n\001' "$name"; cat pub.raw; } | openssl dgst -sha256 -binary | head -c 4 | od -An -tx1 | tr -d ' \n'
 * # the signed text: every line before the blank line (a checkpoint has no blank line of its own)
 * sed '/^$/,$d' note.txt > body.txt
 * # the signature line "— <name> base64(keyid || signature)": 4 bytes of key id, then the 64-byte signature
 * awk -v n="$name" '$1 == "\342\200\224" && $2 == n { print $3; exit }' note.txt | openssl base64 -d -A > line.bin
 * head -c 4 line.bin | od -An -tx1 | tr -d ' \n'      # must print $keyid
 * tail -c 64 line.bin > sig.bin
 * openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in body.txt -sigfile sig.bin
 * # prints "Signature Verified Successfully" and exits 0; "Signature Verification Failure" and 1 otherwise
 * }</pre>
 *
 * <p>And the other way round, an Ed25519 key and signature made by OpenSSL:
 *
 * <pre>{@code
 * openssl genpkey -algorithm ed25519 -out key.pem
 * openssl pkey -in key.pem -pubout -out pub.pem
 * openssl pkeyutl -sign -inkey key.pem -rawin -in body.txt -out sig.bin
 * }</pre>
 */
class OpensslInteropTest {

    private static final String ORIGIN = "clearroom.example/audit";
    private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** The verification recipe of the class comment, as a script: NOTE and VKEY in the environment. */
    static final String REGULATOR_SCRIPT =
            """
            set -eu
            export LC_ALL=C
            name=$(printf '%s' "$VKEY" | cut -d+ -f1)
            keyid=$(printf '%s' "$VKEY" | cut -d+ -f2)
            printf '%s' "$VKEY" | cut -d+ -f3- | openssl base64 -d -A | tail -c 32 > pub.raw
            { printf '\\060\\052\\060\\005\\006\\003\\053\\145\\160\\003\\041\\000'; cat pub.raw; } > pub.der
            openssl pkey -pubin -inform DER -in pub.der -out pub.pem
            computed=$({ printf '%s\\n\\001' "$name"; cat pub.raw; } \\
                | openssl dgst -sha256 -binary | head -c 4 | od -An -tx1 | tr -d ' \\n')
            test "$computed" = "$keyid" || { echo "key id $computed does not match $keyid"; exit 2; }
            sed '/^$/,$d' "$NOTE" > body.txt
            awk -v n="$name" '$1 == "\\342\\200\\224" && $2 == n { print $3; exit }' "$NOTE" \\
                | openssl base64 -d -A > line.bin
            signed=$(head -c 4 line.bin | od -An -tx1 | tr -d ' \\n')
            test "$signed" = "$keyid" || { echo "no signature line by $name+$keyid"; exit 3; }
            tail -c 64 line.bin > sig.bin
            openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in body.txt -sigfile sig.bin
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void opensslIsInstalled() {
        requireOpenssl3(System.getenv("CI"));
    }

    /**
     * These tests are the proof that the documented OpenSSL recipes work, so they must not pass unnoticed
     * by skipping where they matter. Without OpenSSL 3 they fail in CI ({@code ci} is the {@code CI}
     * environment variable, which CI systems set to {@code true}; {@code .ci/run} installs OpenSSL 3),
     * and are skipped, saying why, on a developer machine. Checked before each test rather than once per
     * class: Surefire reports a class aborted in {@code @BeforeAll} as no tests at all, not as skipped ones.
     */
    static void requireOpenssl3(String ci) {
        String missing;
        try {
            var version = run(Path.of("."), List.of("openssl", "version"), List.of());
            if (version.exit() == 0 && version.output().startsWith("OpenSSL 3")) {
                return;
            }
            missing = version.exit() == 0
                    ? "these commands need OpenSSL 3, and `openssl version` says: " + version.output()
                    : "`openssl version` failed (exit " + version.exit() + "): " + version.output();
        } catch (IOException e) {
            missing = "openssl is not on the PATH (" + e.getMessage() + ")";
        }
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0")) {
            Assertions.fail(missing + ". CI is set (CI=" + ci + "), where these tests must run: install OpenSSL 3"
                    + " (.ci/run does with apt-get)");
        }
        Assumptions.abort(missing + ". Skipped on this machine; install OpenSSL 3 to run them (in CI, where"
                + " CI is set, they fail instead)");
    }

    @Test
    void opensslVerifiesACheckpointSignedByUs() throws IOException {
        var pair = Ed25519.generate();
        var key = VerifierKey.of(ORIGIN, pair.getPublic());
        var checkpoint = new Checkpoint(ORIGIN, 42, MerkleTree.leafHash(new byte[] {1, 2, 3}));
        var note = SignedNote.sign(checkpoint.body(), ORIGIN, pair.getPrivate(), key);

        Files.writeString(dir.resolve("body.txt"), note.text(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("pub.pem"), pem(key.publicKey()), StandardCharsets.US_ASCII);
        Files.write(dir.resolve("sig.bin"), note.signatures().get(0).signature());

        var verified = openssl(
                "pkeyutl",
                "-verify",
                "-pubin",
                "-inkey",
                "pub.pem",
                "-rawin",
                "-in",
                "body.txt",
                "-sigfile",
                "sig.bin");
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Signature Verified Successfully");

        var changed = new Checkpoint(ORIGIN, 43, checkpoint.rootHash());
        Files.writeString(dir.resolve("body.txt"), changed.body(), StandardCharsets.UTF_8);
        var refused = openssl(
                "pkeyutl",
                "-verify",
                "-pubin",
                "-inkey",
                "pub.pem",
                "-rawin",
                "-in",
                "body.txt",
                "-sigfile",
                "sig.bin");
        assertThat(refused.exit()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("Signature Verification Failure");
    }

    @Test
    void opensslReadsOurPublicKeyAsTheSameKey() throws IOException {
        var key = VerifierKey.of(ORIGIN, Ed25519.generate().getPublic());
        Files.writeString(dir.resolve("pub.pem"), pem(key.publicKey()), StandardCharsets.US_ASCII);

        var der = openssl("pkey", "-pubin", "-in", "pub.pem", "-outform", "DER", "-out", "pub.der");

        assertThat(der.exit()).as(der.output()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("pub.der")))
                .isEqualTo(Ed25519.concat(X509_ED25519_PREFIX, key.publicKey()))
                .isEqualTo(key.key().getEncoded());
    }

    @Test
    void weVerifyASignatureMadeByOpenssl() throws IOException {
        String body = new Checkpoint(ORIGIN, 7, MerkleTree.emptyRoot()).body();
        Files.writeString(dir.resolve("body.txt"), body, StandardCharsets.UTF_8);

        assertSucceeds(openssl("genpkey", "-algorithm", "ed25519", "-out", "key.pem"));
        assertSucceeds(openssl("pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem"));
        assertSucceeds(
                openssl("pkeyutl", "-sign", "-inkey", "key.pem", "-rawin", "-in", "body.txt", "-out", "sig.bin"));

        byte[] raw = rawKeyOfPem(Files.readString(dir.resolve("pub.pem"), StandardCharsets.US_ASCII));
        byte[] signature = Files.readAllBytes(dir.resolve("sig.bin"));
        var publicKey = Ed25519.publicKey(raw);
        byte[] message = body.getBytes(StandardCharsets.UTF_8);

        assertThat(signature).hasSize(64);
        assertThat(Ed25519.verify(publicKey, message, signature)).isTrue();
        byte[] changed =
                new Checkpoint(ORIGIN, 8, MerkleTree.emptyRoot()).body().getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519.verify(publicKey, changed, signature)).isFalse();

        // as a signature line, OpenSSL's signature makes a note that our verifier key accepts
        var key = new VerifierKey(ORIGIN, raw);
        var note = new SignedNote(body, List.of(new SignedNote.Signature(ORIGIN, key.keyId(), signature)));
        assertThat(SignedNote.parse(note.encoded()).verifiedBy(key)).isTrue();
        assertThat(Checkpoint.parse(SignedNote.parse(note.encoded()).text()).size())
                .isEqualTo(7);
    }

    @Test
    void opensslAndOurCodeSignIdenticallyWithTheSameKey() throws IOException {
        // Ed25519 is deterministic: OpenSSL's key used by our code must give OpenSSL's signature, bit for bit
        String body = new Checkpoint(ORIGIN, 9, MerkleTree.emptyRoot()).body();
        Files.writeString(dir.resolve("body.txt"), body, StandardCharsets.UTF_8);
        assertSucceeds(openssl("genpkey", "-algorithm", "ed25519", "-outform", "DER", "-out", "key.der"));
        assertSucceeds(openssl(
                "pkeyutl",
                "-sign",
                "-inkey",
                "key.der",
                "-keyform",
                "DER",
                "-rawin",
                "-in",
                "body.txt",
                "-out",
                "sig.bin"));

        byte[] pkcs8 = Files.readAllBytes(dir.resolve("key.der"));
        assertThat(pkcs8).hasSize(48);
        var privateKey = Ed25519.privateKey(Arrays.copyOfRange(pkcs8, 16, 48));

        assertThat(Ed25519.sign(privateKey, body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Files.readAllBytes(dir.resolve("sig.bin")));
    }

    @Test
    void theShellRecipeVerifiesACheckpointNoteSignedByUs() throws IOException {
        var pair = Ed25519.generate();
        var key = VerifierKey.of(ORIGIN, pair.getPublic());
        var witness = Ed25519.generate();
        var witnessKey = VerifierKey.of("witness.example/w1", witness.getPublic());
        String body = new Checkpoint(ORIGIN, 1234, MerkleTree.leafHash(new byte[] {42})).body();
        // a witness cosignature first, so the recipe has to pick the log's line
        var note = SignedNote.sign(body, witnessKey.name(), witness.getPrivate(), witnessKey)
                .with(SignedNote.sign(body, ORIGIN, pair.getPrivate(), key)
                        .signatures()
                        .get(0));
        Files.writeString(dir.resolve("note.txt"), note.encoded(), StandardCharsets.UTF_8);

        var verified = recipe(key.encoded());
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Signature Verified Successfully");
        assertThat(Files.readString(dir.resolve("body.txt"), StandardCharsets.UTF_8))
                .isEqualTo(body);

        var witnessed = recipe(witnessKey.encoded());
        assertThat(witnessed.exit()).as(witnessed.output()).isZero();

        Files.writeString(
                dir.resolve("note.txt"), note.encoded().replace("\n1234\n", "\n1235\n"), StandardCharsets.UTF_8);
        var refused = recipe(key.encoded());
        assertThat(refused.exit()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("Signature Verification Failure");

        var stranger = VerifierKey.of(ORIGIN, Ed25519.generate().getPublic());
        Files.writeString(dir.resolve("note.txt"), note.encoded(), StandardCharsets.UTF_8);
        assertThat(recipe(stranger.encoded()).exit()).isNotZero();
    }

    @Test
    void theShellRecipeVerifiesTheExampleNoteOfTheGoNotePackage() throws IOException {
        // golang.org/x/mod sumdb/note: an independent signer, checked by an independent verifier
        String note = "If you think cryptography is the answer to your problem,\n"
                + "then you don't know what your problem is.\n"
                + "\n"
                + "\u2014 PeterNeumann"
                + " x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
        Files.writeString(dir.resolve("note.txt"), note, StandardCharsets.UTF_8);

        var verified = recipe(VerifierKeyTest.PETER_VKEY);

        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Signature Verified Successfully");
    }

    private Result recipe(String vkey) throws IOException {
        Path script = dir.resolve("verify.sh");
        Files.writeString(script, REGULATOR_SCRIPT, StandardCharsets.UTF_8);
        return run(dir, List.of("sh", script.toString()), List.of("NOTE=" + dir.resolve("note.txt"), "VKEY=" + vkey));
    }

    private Result openssl(String... arguments) throws IOException {
        var command = new ArrayList<String>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        return run(dir, command, List.of());
    }

    private static void assertSucceeds(Result result) {
        assertThat(result.exit()).as(result.output()).isZero();
    }

    /** PEM of the X.509 SubjectPublicKeyInfo of a raw Ed25519 key, as {@code openssl pkey -pubout} writes it. */
    static String pem(byte[] rawPublicKey) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString(Ed25519.concat(X509_ED25519_PREFIX, rawPublicKey))
                + "\n-----END PUBLIC KEY-----\n";
    }

    static byte[] rawKeyOfPem(String pem) {
        var base64 = new StringBuilder();
        pem.lines().filter(line -> !line.startsWith("-----")).forEach(base64::append);
        byte[] der = Base64.getDecoder().decode(base64.toString());
        assertThat(der).hasSize(44);
        assertThat(Arrays.copyOf(der, 12)).isEqualTo(X509_ED25519_PREFIX);
        return Arrays.copyOfRange(der, 12, 44);
    }

    record Result(int exit, String output) {}

    static Result run(Path directory, List<String> command, List<String> environment) throws IOException {
        var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        for (String variable : environment) {
            int eq = variable.indexOf('=');
            builder.environment().put(variable.substring(0, eq), variable.substring(eq + 1));
        }
        var process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8).strip());
    }
}
