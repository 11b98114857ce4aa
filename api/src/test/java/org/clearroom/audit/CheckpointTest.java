package org.clearroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {

    /** The example checkpoint of C2SP tlog-checkpoint, its signature line left out (its key is not published). */
    private static final String SPEC_BODY =
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    private static final String SPEC_NOTE = SPEC_BODY + "\n\u2014 example.com/behind-the-sofa "
            + "Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";

    private static final String ROOT_BASE64 = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
    private static final byte[] ROOT = Base64.getDecoder().decode(ROOT_BASE64);

    @Test
    void bodyIsOriginSizeAndBase64RootEachOnALine() {
        var checkpoint = new Checkpoint("example.com/behind-the-sofa", 20852163, ROOT);

        assertThat(checkpoint.body()).isEqualTo(SPEC_BODY);
        assertThat(checkpoint.extensions()).isEmpty();
    }

    @Test
    void bodyOfTheEmptyTreeHasSizeZeroAndTheHashOfNothing() {
        var checkpoint = new Checkpoint("clearroom.example/audit", 0, MerkleTree.emptyRoot());

        assertThat(checkpoint.body())
                .isEqualTo("clearroom.example/audit\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
    }

    @Test
    void bodyEndsWithTheExtensionLinesInOrder() {
        var checkpoint = new Checkpoint("clearroom.example/audit", 7, ROOT, List.of("first extension", "second"));

        assertThat(checkpoint.body())
                .isEqualTo("clearroom.example/audit\n7\n" + ROOT_BASE64 + "\nfirst extension\nsecond\n");
    }

    @Test
    void bodyWritesTheLargestSizeInDecimal() {
        assertThat(new Checkpoint("o", Long.MAX_VALUE, ROOT).body())
                .isEqualTo("o\n9223372036854775807\n" + ROOT_BASE64 + "\n");
    }

    @Test
    void parseOfBodyRoundTrips() {
        for (var checkpoint : List.of(
                new Checkpoint("clearroom.example/audit", 0, MerkleTree.emptyRoot()),
                new Checkpoint("clearroom.example/audit", 1, ROOT),
                new Checkpoint("example.com/behind-the-sofa", 20852163, ROOT, List.of("ext one", "ext two")),
                new Checkpoint("o", Long.MAX_VALUE, ROOT))) {
            var parsed = Checkpoint.parse(checkpoint.body());

            assertThat(parsed.origin()).isEqualTo(checkpoint.origin());
            assertThat(parsed.size()).isEqualTo(checkpoint.size());
            assertThat(parsed.rootHash()).isEqualTo(checkpoint.rootHash());
            assertThat(parsed.extensions()).isEqualTo(checkpoint.extensions());
            assertThat(parsed.body()).isEqualTo(checkpoint.body());
        }
    }

    @Test
    void equalCheckpointsAreEqual() {
        // a record compares array components by identity unless it overrides equals, as VerifierKey does
        var checkpoint = new Checkpoint("clearroom.example/audit", 5, ROOT);

        assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint).hasSameHashCodeAs(checkpoint);
        assertThat(new Checkpoint("clearroom.example/audit", 5, ROOT.clone())).isEqualTo(checkpoint);
    }

    @Test
    void parsesTheExampleOfTheSpecification() {
        var checkpoint = Checkpoint.parse(SPEC_BODY);

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163L);
        assertThat(HexFormat.of().formatHex(checkpoint.rootHash()))
                .isEqualTo("0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62");
        assertThat(checkpoint.extensions()).isEmpty();
    }

    @Test
    void parsesTheTextOfTheSignedExampleOfTheSpecification() {
        var note = SignedNote.parse(SPEC_NOTE);

        assertThat(note.text()).isEqualTo(SPEC_BODY);
        assertThat(note.signatures()).hasSize(1);
        assertThat(note.signatures().get(0).name()).isEqualTo("example.com/behind-the-sofa");
        assertThat(note.signatures().get(0).signature()).hasSize(64);
        assertThat(note.encoded()).isEqualTo(SPEC_NOTE);
        assertThat(Checkpoint.parse(note.text()).size()).isEqualTo(20852163L);
    }

    @Test
    void aSignedCheckpointVerifiesAndItsTextIsTheBody() {
        var pair = Ed25519.generate();
        var key = VerifierKey.of("clearroom.example/audit", pair.getPublic());
        var checkpoint = new Checkpoint("clearroom.example/audit", 3, ROOT);

        var note = SignedNote.sign(checkpoint.body(), key.name(), pair.getPrivate(), key);
        var parsed = SignedNote.parse(note.encoded());

        assertThat(parsed.verifiedBy(key)).isTrue();
        assertThat(Checkpoint.parse(parsed.text()).body()).isEqualTo(checkpoint.body());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "007",
                "00",
                "01",
                "+5",
                "-1",
                "-0",
                "+0",
                " 5",
                "5 ",
                "",
                "1e3",
                "0x10",
                "1_000",
                "5.0",
                "\u0665", // ARABIC-INDIC DIGIT FIVE: Long.parseLong accepts it
                "9223372036854775808",
                "18446744073709551615"
            })
    void parseRefusesSizesThatAreNotCanonicalDecimal(String size) {
        assertRefused("clearroom.example/audit\n" + size + "\n" + ROOT_BASE64 + "\n");
    }

    @Test
    void parseAcceptsZeroAndPlainDecimals() {
        for (String size : List.of("0", "1", "10", "20852163", "9223372036854775807")) {
            assertThat(Checkpoint.parse("o\n" + size + "\n" + ROOT_BASE64 + "\n")
                            .size())
                    .isEqualTo(Long.parseLong(size));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not base64!",
                "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=!",
                "CsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=", // base64url
                "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I==",
                " CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=",
                ""
            })
    void parseRefusesRootsThatAreNotBase64(String root) {
        assertRefused("clearroom.example/audit\n5\n" + root + "\n");
    }

    @Test
    void parseRefusesRootsThatAreNot32Bytes() {
        for (int length : new int[] {0, 1, 20, 31, 33, 48, 64}) {
            byte[] root = Arrays.copyOf(ROOT, length);
            assertRefused("clearroom.example/audit\n5\n" + Base64.getEncoder().encodeToString(root) + "\n");
        }
    }

    @Test
    void parseRefusesRootsWithoutTheirPadding() {
        // RFC 4648 section 4 base64 pads; golang.org/x/mod's and transparency-dev's parsers use StdEncoding, which
        // refuses a missing '='. Accepting it makes two texts parse to one checkpoint, and body() differ from the
        // text that was signed.
        assertRefused("clearroom.example/audit\n5\n" + ROOT_BASE64.replace("=", "") + "\n");
    }

    @Test
    void parseRefusesMissingLines() {
        assertRefused("");
        assertRefused("\n");
        assertRefused("clearroom.example/audit\n");
        assertRefused("clearroom.example/audit\n5\n");
        assertRefused("clearroom.example/audit\n" + ROOT_BASE64 + "\n");
        assertRefused("5\n" + ROOT_BASE64 + "\n");
        assertRefused("\n5\n" + ROOT_BASE64 + "\n"); // empty origin
        assertRefused(" \n5\n" + ROOT_BASE64 + "\n"); // blank origin
        // the final newline is part of the body
        assertRefused("clearroom.example/audit\n5\n" + ROOT_BASE64);
        assertRefused("clearroom.example/audit\n5\n" + ROOT_BASE64 + "\nextension");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\nextension\n", "extension\n\n"})
    void parseRefusesEmptyExtensionLines(String extensionLines) {
        // C2SP tlog-checkpoint: "Extension lines, if any, MUST be non-empty."
        assertRefused("clearroom.example/audit\n5\n" + ROOT_BASE64 + "\n" + extensionLines);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two\nlines", "trailing newline\n"})
    void extensionLinesAreNonEmptySingleLines(String extension) {
        // otherwise body() writes a text that parse() reads back differently, or one that is no valid note text
        assertThatThrownBy(() -> new Checkpoint("clearroom.example/audit", 5, ROOT, List.of(extension)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRefusesWhatCannotBeACheckpoint() {
        assertThatThrownBy(() -> new Checkpoint("", 1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(" ", 1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(null, 1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("a\nb", 1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", -1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRootHashIsCopiedInAndOut() {
        byte[] root = ROOT.clone();
        var checkpoint = new Checkpoint("o", 1, root);

        root[0] ^= 1;
        checkpoint.rootHash()[1] ^= 1;

        assertThat(checkpoint.rootHash()).isEqualTo(ROOT);
    }

    private static void assertRefused(String body) {
        assertThatThrownBy(() -> Checkpoint.parse(body))
                .as("Checkpoint.parse(\"%s\")", body.replace("\n", "\\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
