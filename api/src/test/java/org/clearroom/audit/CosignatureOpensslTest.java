package org.clearroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenSSL-only recipe of docs/ledger.md ("Cosigning") checks a witness cosignature: key id with type
 * 0x04, the timestamp out of the line, and the signature over the cosignature/v1 message. Needs OpenSSL 3:
 * without it, fails in CI and is skipped elsewhere, like {@link OpensslInteropTest}.
 */
class CosignatureOpensslTest {

    /** NOTE and VKEY (the witness's) in the environment. */
    static final String WITNESS_SCRIPT =
            """
            set -eu
            export LC_ALL=C
            name=$(printf '%s' "$VKEY" | cut -d+ -f1)
            keyid=$(printf '%s' "$VKEY" | cut -d+ -f2)
            printf '%s' "$VKEY" | cut -d+ -f3- | openssl base64 -d -A | tail -c 32 > pub.raw
            { printf '\\060\\052\\060\\005\\006\\003\\053\\145\\160\\003\\041\\000'; cat pub.raw; } > pub.der
            openssl pkey -pubin -inform DER -in pub.der -out pub.pem
            computed=$({ printf '%s\\n\\004' "$name"; cat pub.raw; } \\
                | openssl dgst -sha256 -binary | head -c 4 | od -An -tx1 | tr -d ' \\n')
            test "$computed" = "$keyid" || { echo "key id $computed does not match $keyid"; exit 2; }
            awk -v n="$name" '$1 == "\\342\\200\\224" && $2 == n { print $3; exit }' "$NOTE" \\
                | openssl base64 -d -A > line.bin
            signed=$(head -c 4 line.bin | od -An -tx1 | tr -d ' \\n')
            test "$signed" = "$keyid" || { echo "no cosignature line by $name+$keyid"; exit 3; }
            time=$(head -c 12 line.bin | tail -c 8 | od -An -tu1 \\
                | awk '{ for (i = 1; i <= NF; i++) t = t * 256 + $i } END { printf "%d", t }')
            { printf 'cosignature/v1\\ntime %s\\n' "$time"; sed '/^$/,$d' "$NOTE"; } > message.txt
            tail -c 64 line.bin > sig.bin
            openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in message.txt -sigfile sig.bin
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void opensslIsInstalled() {
        OpensslInteropTest.requireOpenssl3(System.getenv("CI"));
    }

    @Test
    void opensslVerifiesOurCosignatureAndRefusesAnotherBody() throws IOException {
        var log = Ed25519.generate();
        var logKey = VerifierKey.of("clearroom.example/ledger", log.getPublic());
        var witness = Ed25519.generate();
        var witnessKey = CosignerKey.of("witness.carrier.example/w1", witness.getPublic());
        var body = new Checkpoint(logKey.name(), 4211, MerkleTree.leafHash(new byte[] {7})).body();
        var note = SignedNote.sign(body, logKey.name(), log.getPrivate(), logKey)
                .with(Cosignature.sign(body, witnessKey, witness.getPrivate(), Instant.now())
                        .toSignature());

        var verified = recipe(note.encoded(), witnessKey.encoded());
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Signature Verified Successfully");

        var refused = recipe(note.encoded().replace("\n4211\n", "\n4212\n"), witnessKey.encoded());
        assertThat(refused.exit()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("Signature Verification Failure");
    }

    @Test
    void opensslVerifiesTheRealWitnessCosignature() throws IOException {
        var note = "arche2025h1.staging.ct.transparency.dev\n1432088532\nU7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=\n"
                + "\n\u2014 remora.n621.de 2net5wAAAABqEiEgPlfF3V06o0Y+fHM+J5J9s27wgxxcOVSpZ/2g/KSiXCg9DEZI+aVCIobWX9"
                + "sXTynk5XeU/zZ0WBxtqB0DrAWfBw==\n";
        var verified = recipe(note, "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
        assertThat(verified.exit()).as(verified.output()).isZero();
    }

    private OpensslInteropTest.Result recipe(String note, String vkey) throws IOException {
        Files.writeString(dir.resolve("note.txt"), note, StandardCharsets.UTF_8);
        Path script = dir.resolve("cosigned.sh");
        Files.writeString(script, WITNESS_SCRIPT, StandardCharsets.UTF_8);
        return OpensslInteropTest.run(
                dir, List.of("sh", script.toString()), List.of("NOTE=" + dir.resolve("note.txt"), "VKEY=" + vkey));
    }
}
