package org.clearroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifierKeyTest {

    /** Verifier keys of golang.org/x/mod sumdb/note/note_test.go (TestNewVerifier, TestVerifierList). */
    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

    private static final String NAME = "clearroom.example/audit";

    @Test
    void encodedFormParsesBackToTheSameKey() {
        var key = VerifierKey.of(NAME, Ed25519.generate().getPublic());

        var parsed = VerifierKey.parse(key.encoded());

        assertThat(parsed).isEqualTo(key);
        assertThat(parsed.name()).isEqualTo(NAME);
        assertThat(parsed.publicKey()).isEqualTo(key.publicKey());
        assertThat(parsed.keyId()).isEqualTo(key.keyId());
        assertThat(parsed.encoded()).isEqualTo(key.encoded());
        assertThat(parsed.toString()).isEqualTo(key.encoded());
    }

    @Test
    void parsesKeysWhoseBase64HoldsPlusSigns() {
        // about half of all keys have a '+' in their base64; the vkey is split at its first two '+' only
        VerifierKey key;
        do {
            key = VerifierKey.of(NAME, Ed25519.generate().getPublic());
        } while (!key.encoded().substring(NAME.length() + 10).contains("+"));

        assertThat(VerifierKey.parse(key.encoded())).isEqualTo(key);
    }

    @Test
    void encodedFormIsNamePlusHexKeyIdPlusBase64OfAlgorithmAndKey() {
        var pair = Ed25519.generate();
        byte[] raw = Ed25519.rawPublic(pair.getPublic());
        var key = new VerifierKey(NAME, raw);

        // key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4], computed here independently
        byte[] typeAndKey = Ed25519.concat(new byte[] {0x01}, raw);
        byte[] id =
                Arrays.copyOf(sha256(Ed25519.concat((NAME + "\n").getBytes(StandardCharsets.UTF_8), typeAndKey)), 4);

        assertThat(key.keyId()).isEqualTo(id);
        assertThat(key.encoded())
                .isEqualTo(NAME + "+" + HexFormat.of().formatHex(id) + "+"
                        + Base64.getEncoder().encodeToString(typeAndKey));
        assertThat(key.encoded()).matches("clearroom\\.example/audit\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}");
        assertThat(Ed25519.rawPublic(key.key())).isEqualTo(raw);
    }

    @Test
    void acceptsTheVerifierKeysOfTheGoNotePackage() {
        var peter = VerifierKey.parse(PETER_VKEY);
        var enoch = VerifierKey.parse(ENOCH_VKEY);

        assertThat(peter.name()).isEqualTo("PeterNeumann");
        assertThat(HexFormat.of().formatHex(peter.keyId())).isEqualTo("c74f20a3");
        assertThat(peter.encoded()).isEqualTo(PETER_VKEY);
        assertThat(enoch.name()).isEqualTo("EnochRoot");
        assertThat(HexFormat.of().formatHex(enoch.keyId())).isEqualTo("af0cfe78");
        assertThat(enoch.encoded()).isEqualTo(ENOCH_VKEY);
    }

    @Test
    void refusesEveryManglingTheGoNotePackageRefuses() {
        // golang.org/x/mod sumdb/note TestNewVerifier: every proper substring and every single-byte increment
        byte[] b = PETER_VKEY.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i <= b.length; i++) {
            for (int j = i + 1; j <= b.length; j++) {
                if (i != 0 || j != b.length) {
                    assertRefused(new String(b, i, j - i, StandardCharsets.US_ASCII));
                }
            }
        }
        for (int i = 0; i < b.length; i++) {
            b[i]++;
            assertRefused(new String(b, StandardCharsets.US_ASCII));
            b[i]--;
        }
    }

    @Test
    void refusesAWrongKeyId() {
        assertRefused("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertRefused("PeterNeumann+00000000+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        // the right key id of another name
        assertRefused("PeterNeuman+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        // another key's id
        assertRefused("PeterNeumann+af0cfe78+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        // key ids are exactly eight hex digits
        assertRefused("PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertRefused("PeterNeumann+c74f20a300+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertRefused("PeterNeumann++ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    }

    @Test
    void refusesAnotherAlgorithmByte() {
        // golang.org/x/mod sumdb/note TestNewVerifier: "unknown algorithm, with adjusted key hash"
        assertRefused("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");

        byte[] raw = Ed25519.rawPublic(Ed25519.generate().getPublic());
        for (int type : new int[] {0x00, 0x02, 0x04, 0x05, 0xff}) {
            assertRefused(vkeyWithConsistentId(NAME, (byte) type, raw));
        }
        // the same key with type 0x01 is fine: what is refused is the type alone
        assertThat(VerifierKey.parse(vkeyWithConsistentId(NAME, (byte) 0x01, raw))
                        .publicKey())
                .isEqualTo(raw);
    }

    @Test
    void refusesKeysThatAreNot32Bytes() {
        // golang.org/x/mod sumdb/note TestNewVerifier: "wrong length key, with adjusted key hash"
        assertRefused("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==");

        byte[] raw = Ed25519.rawPublic(Ed25519.generate().getPublic());
        assertRefused(vkeyWithConsistentId(NAME, (byte) 0x01, Arrays.copyOf(raw, 31)));
        assertRefused(vkeyWithConsistentId(NAME, (byte) 0x01, Arrays.copyOf(raw, 33)));
        assertRefused(vkeyWithConsistentId(NAME, (byte) 0x01, new byte[0]));
        assertThatThrownBy(() -> new VerifierKey(NAME, Arrays.copyOf(raw, 31)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerifierKey(NAME, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesKeysThatAreNotBase64() {
        assertRefused("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T!");
        assertRefused("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T");
        assertRefused("PeterNeumann+c74f20a3");
        assertRefused("PeterNeumann");
        assertRefused("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+b", "a b", "a\tb", "a\nb", " ab", "ab ", "a\u2028b", "a\u3000b", ""})
    void refusesKeyNamesWithPlusOrSpaces(String name) {
        byte[] raw = Ed25519.rawPublic(Ed25519.generate().getPublic());

        assertThatThrownBy(() -> new VerifierKey(name, raw)).isInstanceOf(IllegalArgumentException.class);
        assertRefused(vkeyWithConsistentId(name, (byte) 0x01, raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u00a0b", "a\u2007b", "a\u202fb", "a\u0085b"})
    void refusesKeyNamesWithNoBreakSpaces(String name) {
        // C2SP signed-note: key names "MUST NOT contain any Unicode spaces"; Go's isValidName uses unicode.IsSpace,
        // which is true for these four (White_Space). Character.isWhitespace is false for all of them,
        // Character.isSpaceChar for U+0085 (NEXT LINE, category Cc).
        byte[] raw = Ed25519.rawPublic(Ed25519.generate().getPublic());

        assertThatThrownBy(() -> new VerifierKey(name, raw)).isInstanceOf(IllegalArgumentException.class);
        assertRefused(vkeyWithConsistentId(name, (byte) 0x01, raw));
    }

    @Test
    void acceptsNamesThatAreUrlsOrNonAscii() {
        byte[] raw = Ed25519.rawPublic(Ed25519.generate().getPublic());
        for (String name : new String[] {"example.com/log42", "quasimodo.example/salvatore", "ça.example/é"}) {
            var key = new VerifierKey(name, raw);
            assertThat(VerifierKey.parse(key.encoded())).isEqualTo(key);
        }
    }

    @Test
    void equalityIsByNameAndKeyBytes() {
        byte[] raw = Ed25519.rawPublic(Ed25519.generate().getPublic());
        var key = new VerifierKey(NAME, raw);

        assertThat(new VerifierKey(NAME, raw.clone())).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(new VerifierKey("other.example/audit", raw)).isNotEqualTo(key);
        raw[0] ^= 1;
        assertThat(key.publicKey()).isNotEqualTo(raw); // the record copied the array
    }

    private static void assertRefused(String vkey) {
        assertThatThrownBy(() -> VerifierKey.parse(vkey))
                .as("VerifierKey.parse(\"%s\")", vkey)
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A vkey whose id is computed over {@code name}, {@code type} and {@code key}, so only they can be wrong. */
    static String vkeyWithConsistentId(String name, byte type, byte[] key) {
        byte[] typeAndKey = Ed25519.concat(new byte[] {type}, key);
        byte[] id =
                Arrays.copyOf(sha256(Ed25519.concat((name + "\n").getBytes(StandardCharsets.UTF_8), typeAndKey)), 4);
        return name + "+" + HexFormat.of().formatHex(id) + "+"
                + Base64.getEncoder().encodeToString(typeAndKey);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
