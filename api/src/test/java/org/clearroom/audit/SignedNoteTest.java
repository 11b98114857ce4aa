package org.clearroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignedNoteTest {

    private static final String NAME = "clearroom.example/audit";
    private static final String TEXT = "clearroom.example/audit\n42\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    /*
     * The example of golang.org/x/mod sumdb/note (package documentation of note.go and TestSign, TestOpen of
     * note_test.go): the signer key, the verifier key and the note it signs, byte for byte. EnochRoot's verifier key
     * and signature are those of TestVerifierList and TestOpen.
     */
    private static final String PETER_SKEY =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String PETER_SIG = "\u2014 PeterNeumann"
            + " x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String ENOCH_SIG = "\u2014 EnochRoot"
            + " rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
    private static final String GO_NOTE = GO_TEXT + "\n" + PETER_SIG;

    private static KeyPair pair;
    private static VerifierKey key;
    private static SignedNote note;

    @BeforeAll
    static void sign() {
        pair = Ed25519.generate();
        key = VerifierKey.of(NAME, pair.getPublic());
        note = SignedNote.sign(TEXT, NAME, pair.getPrivate(), key);
    }

    @Test
    void aSignedNoteVerifiesWithItsKey() {
        assertThat(note.verifiedBy(key)).isTrue();
        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(note.signatures()).hasSize(1);
        var signature = note.signatures().get(0);
        assertThat(signature.name()).isEqualTo(NAME);
        assertThat(signature.keyId()).isEqualTo(key.keyId());
        assertThat(signature.signature()).hasSize(64);
        assertThat(Ed25519.verify(pair.getPublic(), TEXT.getBytes(StandardCharsets.UTF_8), signature.signature()))
                .as("the signature is over the text alone, final newline included")
                .isTrue();
    }

    @Test
    void encodedIsTextBlankLineAndSignatureLines() {
        var signature = note.signatures().get(0);
        String base64 = Base64.getEncoder().encodeToString(Ed25519.concat(key.keyId(), signature.signature()));

        assertThat(note.encoded()).isEqualTo(TEXT + "\n" + "\u2014 " + NAME + " " + base64 + "\n");
    }

    @Test
    void changingAnyOneCharacterOfTheTextBreaksTheSignature() {
        for (int i = 0; i < TEXT.length() - 1; i++) {
            char c = TEXT.charAt(i);
            char other = c == 'x' ? 'y' : 'x';
            if (c == '\n') {
                continue; // replacing a newline would merely merge two lines; see the line below
            }
            String changed = TEXT.substring(0, i) + other + TEXT.substring(i + 1);
            assertThat(new SignedNote(changed, note.signatures()).verifiedBy(key))
                    .as("text changed at %d", i)
                    .isFalse();
        }
        assertThat(new SignedNote(TEXT.replace("\n42\n", "\n43\n"), note.signatures()).verifiedBy(key))
                .isFalse();
        assertThat(new SignedNote(TEXT + "extension\n", note.signatures()).verifiedBy(key))
                .isFalse();
    }

    @Test
    void flippingAnyBitOfTheSignatureBreaksIt() {
        var signature = note.signatures().get(0);
        for (int bit = 0; bit < 64 * 8; bit++) {
            byte[] flipped = signature.signature();
            flipped = Arrays.copyOf(flipped, flipped.length);
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            var tampered = new SignedNote(TEXT, List.of(new SignedNote.Signature(NAME, key.keyId(), flipped)));
            assertThat(tampered.verifiedBy(key)).as("bit %d flipped", bit).isFalse();
            assertThat(SignedNote.parse(tampered.encoded()).verifiedBy(key))
                    .as("bit %d flipped", bit)
                    .isFalse();
        }
    }

    @Test
    void signaturesOfOtherLengthsDoNotVerify() {
        byte[] signature = note.signatures().get(0).signature();
        for (byte[] wrong : List.of(Arrays.copyOf(signature, 63), Arrays.copyOf(signature, 65), new byte[1])) {
            var tampered = new SignedNote(TEXT, List.of(new SignedNote.Signature(NAME, key.keyId(), wrong)));
            assertThat(tampered.verifiedBy(key)).isFalse();
        }
    }

    @Test
    void anotherKeyUnderTheSameNameDoesNotVerify() {
        var other = Ed25519.generate();
        var otherKey = VerifierKey.of(NAME, other.getPublic());

        assertThat(note.verifiedBy(otherKey)).isFalse();
        assertThat(SignedNote.sign(TEXT, NAME, other.getPrivate(), otherKey).verifiedBy(key))
                .isFalse();
        // a signature by the other key that claims our key's id
        var forged = SignedNote.sign(TEXT, NAME, other.getPrivate(), key);
        assertThat(forged.verifiedBy(key)).isFalse();
        assertThat(forged.verifiedBy(otherKey)).isFalse();
    }

    @Test
    void theRightKeyUnderAnotherNameDoesNotVerify() {
        var renamed = new VerifierKey("clearroom.example/other", key.publicKey());

        assertThat(note.verifiedBy(renamed)).isFalse();
        // a valid signature and key id, but announced under another name
        var signature = note.signatures().get(0);
        var misnamed = new SignedNote(
                TEXT, List.of(new SignedNote.Signature("another.example", signature.keyId(), signature.signature())));
        assertThat(misnamed.verifiedBy(key)).isFalse();
        // a valid signature under the right name but with another key id
        var misnumbered = new SignedNote(
                TEXT, List.of(new SignedNote.Signature(NAME, new byte[] {0, 0, 0, 0}, signature.signature())));
        assertThat(misnumbered.verifiedBy(key)).isFalse();
    }

    @Test
    void aKeyThatIsNoCurvePointVerifiesNothingAndThrowsNothing() {
        byte[] allOnes = new byte[32];
        Arrays.fill(allOnes, (byte) 0xff);
        for (byte[] raw : List.of(allOnes, new byte[32], HexFormat.of().parseHex("02" + "00".repeat(30) + "80"))) {
            var broken = new VerifierKey(NAME, raw);
            var claimed = new SignedNote(
                    TEXT,
                    List.of(new SignedNote.Signature(
                            NAME, broken.keyId(), note.signatures().get(0).signature())));
            assertThat(claimed.verifiedBy(broken)).isFalse();
        }
    }

    @Test
    void parseOfEncodedRoundTrips() {
        var parsed = SignedNote.parse(note.encoded());

        assertThat(parsed.text()).isEqualTo(TEXT);
        assertThat(parsed.signatures()).hasSize(1);
        var original = note.signatures().get(0);
        var signature = parsed.signatures().get(0);
        assertThat(signature.name()).isEqualTo(original.name());
        assertThat(signature.keyId()).isEqualTo(original.keyId());
        assertThat(signature.signature()).isEqualTo(original.signature());
        assertThat(parsed.encoded()).isEqualTo(note.encoded());
        assertThat(parsed.verifiedBy(key)).isTrue();
    }

    @Test
    void parseRefusesANoteWithoutABlankLine() {
        String line = signatureLine(note);
        assertMalformed(TEXT + line);
        assertMalformed(TEXT);
        assertMalformed("");
    }

    @Test
    void parseRefusesANoteWithoutSignatures() {
        assertMalformed(TEXT + "\n");
        assertMalformed(TEXT + "\n\n");
        assertMalformed(GO_TEXT + "\n");
    }

    @Test
    void parseRefusesSignaturesThatAreNotBase64() {
        String line = signatureLine(note);
        String base64 = line.substring(line.lastIndexOf(' ') + 1, line.length() - 1);

        assertMalformed(TEXT + "\n\u2014 " + NAME + " not*base64\n");
        assertMalformed(
                TEXT + "\n\u2014 " + NAME + " " + base64.replace('A', '!').replace('B', '!') + "!\n");
        assertMalformed(TEXT + "\n\u2014 " + NAME + " " + base64 + "=\n");
        // too short to hold a key id and any signature byte
        assertMalformed(TEXT + "\n\u2014 " + NAME + " AAAA\n");
        assertMalformed(TEXT + "\n\u2014 " + NAME + " \n");
    }

    @Test
    void parseRefusesSignatureLinesWithoutTheEmDash() {
        String line = signatureLine(note);
        String rest = line.substring(2);

        assertMalformed(TEXT + "\n- " + rest); // hyphen-minus
        assertMalformed(TEXT + "\n-- " + rest);
        assertMalformed(TEXT + "\n\u2013 " + rest); // en dash
        assertMalformed(TEXT + "\n\u2014" + rest); // no space
        assertMalformed(TEXT + "\n" + rest);
        assertMalformed(TEXT + "\n" + line + "Unexpected line.\n"); // from golang.org/x/mod note_test.go
    }

    @Test
    void parseRefusesSignatureLinesWithMoreOrFewerFields() {
        String line = signatureLine(note);
        String base64 = line.substring(line.lastIndexOf(' ') + 1);

        // from golang.org/x/mod note_test.go: a name with a space
        assertMalformed(GO_TEXT + "\n"
                + "\u2014 Bad Name"
                + " x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=");
        assertMalformed(TEXT + "\n\u2014 " + base64);
        assertMalformed(TEXT + "\n\u2014 " + NAME + "  " + base64);
        assertMalformed(TEXT + "\n\u2014 " + NAME + " " + base64.strip() + " extra\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a+b", "a\tb", "a\u0001b", "a\u00a0b"})
    void parseRefusesSignatureLinesWithInvalidKeyNames(String name) {
        // C2SP signed-note: key names MUST be non-empty, without Unicode spaces or '+'; the note MUST NOT contain
        // control characters other than newline. golang.org/x/mod note.Open refuses all of these as malformed.
        String line = signatureLine(note);
        String base64 = line.substring(line.lastIndexOf(' ') + 1);

        assertMalformed(TEXT + "\n\u2014 " + name + " " + base64);
    }

    @Test
    void parseRefusesANoteWithoutItsFinalNewline() {
        // C2SP signed-note: each signature line ends in a newline; golang.org/x/mod note.Open: "malformed note"
        assertMalformed(GO_TEXT + "\n" + PETER_SIG.strip());
        assertMalformed(note.encoded().substring(0, note.encoded().length() - 1));
    }

    @Test
    void parseRefusesControlCharactersInTheText() {
        String line = signatureLine(note);
        assertMalformed("\u0001" + TEXT + "\n" + line); // from golang.org/x/mod note_test.go
        assertMalformed(TEXT.replace("\n42\n", "\n42\r\n") + "\n" + line);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "", // empty
                "no final newline",
                "two lines\nno final newline",
                "a blank line\n\ninside\n",
                "a trailing blank line\n\n",
                "a tab\there\n",
                "a carriage return\r\n",
                "a NUL\u0000\n",
                "an escape\u001b[0m\n",
                "a unit separator\u001f\n"
            })
    void textMustBeNonEmptyLinesWithoutControlCharacters(String text) {
        assertThatThrownBy(() -> SignedNote.sign(text, NAME, pair.getPrivate(), key))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedNote(text, note.signatures())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textMustNotStartWithABlankLine() {
        // the class's own contract: "note text is non-empty lines"; "\n" and "\nx\n" start with an empty line
        for (String text : List.of("\n", "\nafter a blank first line\n")) {
            assertThatThrownBy(() -> SignedNote.sign(text, NAME, pair.getPrivate(), key))
                    .as("text %s", text.replace("\n", "\\n"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void textMayBeAnyUtf8WithoutControlCharactersAndIsSignedAsUtf8() {
        String text =
                "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole: \u00e8 \u2014 \ud83d\ude00\n";
        var signed = SignedNote.sign(text, NAME, pair.getPrivate(), key);

        assertThat(signed.verifiedBy(key)).isTrue();
        assertThat(Ed25519.verify(
                        pair.getPublic(),
                        text.getBytes(StandardCharsets.UTF_8),
                        signed.signatures().get(0).signature()))
                .isTrue();
        assertThat(SignedNote.parse(signed.encoded()).verifiedBy(key)).isTrue();
        assertThatThrownBy(() -> SignedNote.sign(null, NAME, pair.getPrivate(), key))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNoteCanCarrySeveralSignaturesAndEachKeyFindsItsOwn() {
        var witness = Ed25519.generate();
        var witnessKey = VerifierKey.of("witness.example/w1", witness.getPublic());
        var rotated = Ed25519.generate();
        var rotatedKey = VerifierKey.of(NAME, rotated.getPublic()); // same name, other key id
        var stranger = VerifierKey.of("stranger.example", Ed25519.generate().getPublic());

        var cosigned = note.with(signatureBy(witness, witnessKey)).with(signatureBy(rotated, rotatedKey));

        assertThat(cosigned.signatures()).hasSize(3);
        assertThat(note.signatures()).as("with() leaves the original alone").hasSize(1);
        assertThat(cosigned.verifiedBy(key)).isTrue();
        assertThat(cosigned.verifiedBy(witnessKey)).isTrue();
        assertThat(cosigned.verifiedBy(rotatedKey)).isTrue();
        assertThat(cosigned.verifiedBy(stranger)).isFalse();

        assertThat(cosigned.encoded())
                .isEqualTo(TEXT + "\n" + signatureLine(note) + line(cosigned, 1) + line(cosigned, 2))
                .startsWith(note.encoded());
        assertThat(cosigned.encoded().lines().filter(l -> l.startsWith("\u2014 ")))
                .hasSize(3);

        var parsed = SignedNote.parse(cosigned.encoded());
        assertThat(parsed.encoded()).isEqualTo(cosigned.encoded());
        assertThat(parsed.verifiedBy(key)).isTrue();
        assertThat(parsed.verifiedBy(witnessKey)).isTrue();
        assertThat(parsed.verifiedBy(rotatedKey)).isTrue();
        assertThat(parsed.verifiedBy(stranger)).isFalse();
    }

    @Test
    void verifiedByFindsTheMatchingSignatureBehindOthers() {
        var witness = Ed25519.generate();
        var witnessKey = VerifierKey.of("witness.example/w1", witness.getPublic());
        // a broken signature by an unknown key with our name, then the witness, then ours
        var unknown = new SignedNote.Signature(NAME, new byte[] {1, 2, 3, 4}, new byte[64]);
        var first = SignedNote.sign(TEXT, "witness.example/w1", witness.getPrivate(), witnessKey);

        var mixed = new SignedNote(
                TEXT,
                List.of(unknown, first.signatures().get(0), note.signatures().get(0)));

        assertThat(mixed.verifiedBy(key)).isTrue();
        assertThat(mixed.verifiedBy(witnessKey)).isTrue();
        assertThat(SignedNote.parse(mixed.encoded()).verifiedBy(key)).isTrue();
    }

    @Test
    void verifiesTheSignedNoteOfTheGoNotePackage() {
        var peter = VerifierKey.parse(VerifierKeyTest.PETER_VKEY);

        var parsed = SignedNote.parse(GO_NOTE);

        assertThat(parsed.text()).isEqualTo(GO_TEXT);
        assertThat(parsed.signatures()).hasSize(1);
        assertThat(parsed.signatures().get(0).name()).isEqualTo("PeterNeumann");
        assertThat(HexFormat.of().formatHex(parsed.signatures().get(0).keyId())).isEqualTo("c74f20a3");
        assertThat(parsed.verifiedBy(peter)).isTrue();
        assertThat(parsed.encoded()).isEqualTo(GO_NOTE);

        assertThat(SignedNote.parse(GO_NOTE.replace("problem,", "problem;")).verifiedBy(peter))
                .isFalse();
        assertThat(SignedNote.parse(GO_NOTE.replace("x08go/", "x08go+")).verifiedBy(peter))
                .isFalse();
    }

    @Test
    void verifiesTheDoublySignedNoteOfTheGoNotePackage() {
        var peter = VerifierKey.parse(VerifierKeyTest.PETER_VKEY);
        var enoch = VerifierKey.parse(VerifierKeyTest.ENOCH_VKEY);

        var parsed = SignedNote.parse(GO_TEXT + "\n" + PETER_SIG + ENOCH_SIG);

        assertThat(parsed.signatures())
                .extracting(SignedNote.Signature::name)
                .containsExactly("PeterNeumann", "EnochRoot");
        assertThat(parsed.verifiedBy(peter)).isTrue();
        assertThat(parsed.verifiedBy(enoch)).isTrue();
        assertThat(SignedNote.parse(GO_TEXT + "\n" + ENOCH_SIG).verifiedBy(peter))
                .isFalse();
    }

    @Test
    void signsExactlyAsTheGoNotePackageWithItsExampleKey() {
        // skey is "PRIVATE+KEY+<name>+<key id>+base64(0x01 || 32-byte Ed25519 seed)"; the seed is the RFC 8032
        // private key, which is what Ed25519.privateKey takes. Ed25519 is deterministic, so the note must match.
        var parts = PETER_SKEY.split("\\+", 5); // the base64 key may contain '+' itself
        assertThat(parts).hasSize(5);
        byte[] typeAndSeed = Base64.getDecoder().decode(parts[4]);
        assertThat(typeAndSeed).hasSize(33);
        assertThat(typeAndSeed[0]).isEqualTo((byte) 0x01);
        var privateKey = Ed25519.privateKey(Arrays.copyOfRange(typeAndSeed, 1, 33));
        var peter = VerifierKey.parse(VerifierKeyTest.PETER_VKEY);
        assertThat(parts[2]).isEqualTo(peter.name());
        assertThat(parts[3]).isEqualTo(HexFormat.of().formatHex(peter.keyId()));

        var signed = SignedNote.sign(GO_TEXT, "PeterNeumann", privateKey, peter);

        assertThat(signed.encoded()).isEqualTo(GO_NOTE);
        assertThat(signed.verifiedBy(peter)).isTrue();
    }

    private static SignedNote.Signature signatureBy(KeyPair signer, VerifierKey signerKey) {
        return SignedNote.sign(TEXT, signerKey.name(), signer.getPrivate(), signerKey)
                .signatures()
                .get(0);
    }

    private static String signatureLine(SignedNote signed) {
        return line(signed, 0);
    }

    private static String line(SignedNote signed, int index) {
        var signature = signed.signatures().get(index);
        return "\u2014 " + signature.name() + " "
                + Base64.getEncoder().encodeToString(Ed25519.concat(signature.keyId(), signature.signature())) + "\n";
    }

    private static void assertMalformed(String encoded) {
        assertThatThrownBy(() -> SignedNote.parse(encoded))
                .as("SignedNote.parse(\"%s\")", encoded.replace("\n", "\\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
