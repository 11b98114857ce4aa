package org.clearroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CosignatureTest {

    private static final String LOG = "clearroom.example/audit";
    private static final String WITNESS = "witness.carrier.example/w1";
    private static final String BODY = LOG + "\n42\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    private static final long TIME = 1_679_315_147L;

    /*
     * A real checkpoint of transparency.dev's staging CT log arche2025h1 as served with its witness
     * cosignatures, and the published vkeys of the log and of the public witness remora.n621.de (a type
     * 0x04 key). The checkpoint, its lines and the vkeys are copied byte for byte from a public Python
     * test suite of tlog checkpoints (tlog_scales, TestCheckpointVerification.test_real_checkpoint); the
     * log's second line is its RFC 6962 STH signature (type 0x05), which we do not verify.
     */
    private static final String REAL_BODY =
            "arche2025h1.staging.ct.transparency.dev\n1432088532\nU7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=\n";
    private static final String REAL_NOTE = REAL_BODY
            + "\n"
            + "\u2014 arche2025h1.staging.ct.transparency.dev zTM8sQAAAZ5W0WdjBAMARjBEAiBjW5IQf9pvsYLfQFX6hoGREPMHbdQ3urbllzalApkptQIgIpwtEroeW2BXaHAI4kJXFbon5Ch9MNL5zRNZ55lvGt0=\n"
            + "\u2014 arche2025h1.staging.ct.transparency.dev ui8GwCF1+kWqZrxGdhj4aX3gcw7XUlXQQabg/27lefwhUkzbC3NygNI75MdhL1bfTW9g8Ei59RA23oHP7Ry1k3ZFWwQ=\n"
            + "\u2014 transparency.dev/DEV:witness-little-garden 2AQqhwAAAABqEiEgzgFIqqhbUoDwjMWE6UP8nd8/KYTzwZ2rhIgcqoXHAwVkjZr4AscylP3v7sEodkRAErumC2q44vdgJY096st5BQ==\n"
            + "\u2014 witness1.smartit.nu/witness1 pIyCDwAAAABqEiEghIp82KWebrw7/oHQwlTAm3g2RKS4+eebl8eO0WH+/iEcxZ75W3u5hNI7TOQtmJbqmNWVuE0tgh0XwzdZsDsUAQ==\n"
            + "\u2014 remora.n621.de 2net5wAAAABqEiEgPlfF3V06o0Y+fHM+J5J9s27wgxxcOVSpZ/2g/KSiXCg9DEZI+aVCIobWX9sXTynk5XeU/zZ0WBxtqB0DrAWfBw==\n"
            + "\u2014 witness.stagemole.eu Z/euoAAAAABqEiEgw0i+7g2ENfDAWHmtRzCfKTHSDwYDJA2NmKeGi9Y8FtEyOUvVr+AJmIY/2TUFucgKi7lI7cUiOvKFYe/TmN9DAg==\n";
    private static final String REMORA_VKEY = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2";
    private static final String ARCHE_VKEY =
            "arche2025h1.staging.ct.transparency.dev+ba2f06c0+AU0vHmlGCS/PdN8b2OaGmKprLI8HKM+dJ472xgFYh15f";

    private static KeyPair pair;
    private static CosignerKey key;

    @BeforeAll
    static void keys() {
        pair = Ed25519.generate();
        key = CosignerKey.of(WITNESS, pair.getPublic());
    }

    @Test
    void theSignedMessageIsTheHeaderTheTimeLineAndTheWholeBody() {
        assertThat(new String(Cosignature.message(BODY, TIME), StandardCharsets.UTF_8))
                .isEqualTo("cosignature/v1\ntime 1679315147\n" + BODY);
        var cosignature = Cosignature.sign(BODY, key, pair.getPrivate(), TIME);
        assertThat(Ed25519.verify(pair.getPublic(), Cosignature.message(BODY, TIME), cosignature.signature()))
                .isTrue();
    }

    @Test
    void aCosignatureRoundTripsThroughItsLineAndVerifies() {
        var cosignature = Cosignature.sign(BODY, key, pair.getPrivate(), TIME);
        var line = cosignature.line();
        assertThat(line).startsWith("\u2014 " + WITNESS + " ").endsWith("\n");

        byte[] raw = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1, line.length() - 1));
        assertThat(raw).hasSize(76);
        assertThat(java.util.Arrays.copyOf(raw, 4)).isEqualTo(key.keyId());
        assertThat(ByteBuffer.wrap(raw, 4, 8).getLong()).isEqualTo(TIME);

        var parsed = Cosignature.parseLine(line);
        assertThat(parsed).isEqualTo(cosignature);
        assertThat(Cosignature.parseLine(line.strip())).isEqualTo(cosignature);
        assertThat(Cosignature.decode(WITNESS, cosignature.base64())).isEqualTo(cosignature);
        assertThat(parsed.time()).isEqualTo(Instant.ofEpochSecond(TIME));
        assertThat(parsed.verifies(key, BODY)).isTrue();
    }

    @Test
    void aCosignatureDoesNotVerifyOverAnotherBody() {
        var cosignature = Cosignature.sign(BODY, key, pair.getPrivate(), TIME);
        assertThat(cosignature.verifies(key, BODY.replace("\n42\n", "\n43\n"))).isFalse();
        assertThat(cosignature.verifies(key, BODY + "extension\n")).isFalse();
        assertThat(cosignature.verifies(key, BODY.substring(0, BODY.length() - 1)))
                .isFalse();
    }

    @Test
    void aCosignatureDoesNotVerifyAtAnotherTime() {
        var cosignature = Cosignature.sign(BODY, key, pair.getPrivate(), TIME);
        var moved = new Cosignature(WITNESS, key.keyId(), TIME + 1, cosignature.signature());
        assertThat(moved.verifies(key, BODY)).isFalse();
    }

    @Test
    void aCosignatureDoesNotVerifyWithAnotherKeyOrName() {
        var cosignature = Cosignature.sign(BODY, key, pair.getPrivate(), TIME);
        var other = CosignerKey.of(WITNESS, Ed25519.generate().getPublic());
        assertThat(cosignature.verifies(other, BODY)).isFalse();
        var renamed = new CosignerKey("witness.other.example/w1", key.publicKey());
        assertThat(cosignature.verifies(renamed, BODY))
                .as("another name has another key id")
                .isFalse();
        var forged = new Cosignature(other.name(), other.keyId(), TIME, cosignature.signature());
        assertThat(forged.verifies(other, BODY)).isFalse();
    }

    @Test
    void aPlainNoteSignatureOfTheSameKeyIsNotACosignature() {
        var plain = SignedNote.sign(BODY, WITNESS, pair.getPrivate(), VerifierKey.of(WITNESS, pair.getPublic()));
        assertThat(Cosignature.verifiedBy(plain, key)).isFalse();
        assertThat(new VerifierKey(WITNESS, key.publicKey()).keyId()).isNotEqualTo(key.keyId());
    }

    @Test
    void aNoteCarriesTheLogSignatureAndCosignaturesEachVerifiableWithItsOwnKey() {
        var log = Ed25519.generate();
        var logKey = VerifierKey.of(LOG, log.getPublic());
        var second = Ed25519.generate();
        var secondKey = CosignerKey.of("witness.regulator.example/w1", second.getPublic());
        var note = SignedNote.sign(BODY, LOG, log.getPrivate(), logKey)
                .with(Cosignature.sign(BODY, key, pair.getPrivate(), TIME).toSignature())
                .with(Cosignature.sign(BODY, secondKey, second.getPrivate(), TIME + 5)
                        .toSignature());

        var parsed = SignedNote.parse(note.encoded());
        assertThat(parsed.verifiedBy(logKey)).isTrue();
        assertThat(Cosignature.verifiedBy(parsed, key)).isTrue();
        assertThat(Cosignature.verifiedBy(parsed, secondKey)).isTrue();
        assertThat(Cosignature.in(parsed, secondKey).orElseThrow().timestamp()).isEqualTo(TIME + 5);
        assertThat(Cosignature.verifiedBy(
                        parsed, CosignerKey.of("absent", Ed25519.generate().getPublic())))
                .isFalse();
    }

    @Test
    void aFalseCosignatureLineOfTheKeyMakesTheNoteUnverified() {
        var log = Ed25519.generate();
        var logKey = VerifierKey.of(LOG, log.getPublic());
        var good = Cosignature.sign(BODY, key, pair.getPrivate(), TIME);
        var bad = new Cosignature(WITNESS, key.keyId(), TIME + 1, good.signature());
        var note = SignedNote.sign(BODY, LOG, log.getPrivate(), logKey)
                .with(good.toSignature())
                .with(bad.toSignature());
        assertThat(Cosignature.verifiedBy(note, key)).isFalse();
        assertThat(note.verifiedBy(logKey))
                .as("the log's own line is unaffected")
                .isTrue();
    }

    @Test
    void malformedCosignaturesAreRefused() {
        var good = Cosignature.sign(BODY, key, pair.getPrivate(), TIME);
        assertThatIllegalArgumentException().isThrownBy(() -> Cosignature.parseLine(good.base64()));
        assertThatIllegalArgumentException().isThrownBy(() -> Cosignature.decode(WITNESS, "not base64!"));
        var truncated = Base64.getEncoder()
                .encodeToString(java.util.Arrays.copyOf(Base64.getDecoder().decode(good.base64()), 68));
        assertThatIllegalArgumentException().isThrownBy(() -> Cosignature.decode(WITNESS, truncated));
        byte[] raw = Base64.getDecoder().decode(good.base64());
        raw[4] = (byte) 0x80; // timestamp above 2^63 - 1
        var huge = Base64.getEncoder().encodeToString(raw);
        assertThatIllegalArgumentException().isThrownBy(() -> Cosignature.decode(WITNESS, huge));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Cosignature.sign("no newline", key, pair.getPrivate(), 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Cosignature.decode("with space", good.base64()));
    }

    @Test
    void aRealWitnessCosignatureOfAPublicLogVerifies() {
        var note = SignedNote.parse(REAL_NOTE);
        var remora = CosignerKey.parse(REMORA_VKEY);
        assertThat(remora.keyIdHex()).isEqualTo("da77ade7");
        assertThat(remora.encoded()).isEqualTo(REMORA_VKEY);

        assertThat(Cosignature.verifiedBy(note, remora)).isTrue();
        var cosignature = Cosignature.in(note, remora).orElseThrow();
        assertThat(cosignature.timestamp()).isEqualTo(1_779_573_024L);
        assertThat(cosignature.verifies(remora, REAL_BODY)).isTrue();
        assertThat(cosignature.verifies(remora, REAL_BODY.replace("1432088532", "1432088533")))
                .isFalse();
        assertThat(note.verifiedBy(VerifierKey.parse(ARCHE_VKEY)))
                .as("the log's own Ed25519 line, with our signed-note reader")
                .isTrue();
    }

    @Test
    void theSpecExampleLineCarriesItsTimestampAfterTheKeyId() {
        // c2sp.org/tlog-cosignature's example: witness.example.com/w1 signed at "time 1679315147"
        var example = Cosignature.parseLine("\u2014 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/"
                + "zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==");
        assertThat(example.timestamp()).isEqualTo(1_679_315_147L);
        assertThat(example.keyIdHex()).isEqualTo("8d66cf3f");
        // transparency-dev/formats note_cosigv1_test.go, TestCoSigV1Timestamp "works"
        var go = Cosignature.decode(
                "any",
                "ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==");
        assertThat(go.timestamp()).isEqualTo(1_727_964_367L);
        assertThat(HexFormat.of().formatHex(go.keyId())).isEqualTo("646846b9");
    }
}
