package org.clearroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CosignerKeyTest {

    /* Verifier keys of transparency-dev/formats note_cosigv1_test.go, TestCoSigV1NewVerifier. */
    private static final String NATIVE = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2";
    private static final String PLAIN = "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6";

    @Test
    void theKeyIdIsTheHashOfNameNewlineTypeFourAndKey() throws Exception {
        var key = CosignerKey.of("witness.example/w1", Ed25519.generate().getPublic());
        var digest = MessageDigest.getInstance("SHA-256");
        digest.update("witness.example/w1\n".getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x04);
        digest.update(key.publicKey());
        assertThat(key.keyId()).isEqualTo(Arrays.copyOf(digest.digest(), 4));
    }

    @Test
    void aTypeFourVkeyRoundTrips() {
        var key = CosignerKey.parse(NATIVE);
        assertThat(key.name()).isEqualTo("remora.n621.de");
        assertThat(key.keyIdHex()).isEqualTo("da77ade7");
        assertThat(key.encoded()).isEqualTo(NATIVE);
        assertThat(CosignerKey.parse(key.encoded())).isEqualTo(key);
    }

    @Test
    void aPlainEd25519VkeyIsCheckedAsTypeOneAndUsedForCosignatures() {
        var key = CosignerKey.parse(PLAIN);
        assertThat(key.name()).isEqualTo("TEST");
        assertThat(key.publicKey()).isEqualTo(VerifierKey.parse(PLAIN).publicKey());
        assertThat(key.keyIdHex()).isNotEqualTo("7997405c");
        assertThat(key.encoded()).startsWith("TEST+" + key.keyIdHex() + "+BA");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bananas.sigstore.dev+12344556",
                "rekor.sigstore.dev+12345678+THIS_IS_NOT_BASE64!",
                "rekor.sigstore.dev+12345678+AwEB",
                "remora.n621.de+00000000+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2",
                "other.name+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2",
                "TEST+00000000+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6",
                "with space+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2",
                ""
            })
    void malformedOrMismatchedVkeysAreRefused(String vkey) {
        assertThatIllegalArgumentException().isThrownBy(() -> CosignerKey.parse(vkey));
    }

    @Test
    void aKeyOfAnotherTypeIsRefused() {
        byte[] raw = Base64.getDecoder().decode("BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
        raw[0] = 0x06;
        var vkey = "remora.n621.de+da77ade7+" + Base64.getEncoder().encodeToString(raw);
        assertThatIllegalArgumentException().isThrownBy(() -> CosignerKey.parse(vkey));
    }
}
