package org.clearroom.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.MerkleTree;
import org.clearroom.audit.VerifierKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerSignerTest {

    // the example key pair of Go's golang.org/x/mod/sumdb/note package documentation
    private static final String GO_SKEY =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    @TempDir
    Path dir;

    private static LedgerSigner signer(Optional<String> key, Optional<String> file, Optional<String> origin) {
        var signer = new LedgerSigner();
        signer.configuredKey = key;
        signer.keyFile = file;
        signer.configuredOrigin = origin;
        signer.load();
        return signer;
    }

    @Test
    void aConfiguredKeyYieldsThePublishedVerifierKey() {
        var signer = signer(Optional.of(GO_SKEY), Optional.empty(), Optional.empty());
        assertThat(signer.verifierKey().encoded()).isEqualTo(GO_VKEY);
        assertThat(signer.origin()).isEqualTo("PeterNeumann");
    }

    @Test
    void aKeyIsGeneratedOnFirstStartReadableOnlyByTheServerAndKept() throws Exception {
        var file = dir.resolve("keys/ledger.key");
        var first = signer(Optional.empty(), Optional.of(file.toString()), Optional.of("clearroom.test/log"));
        assertThat(first.origin()).isEqualTo("clearroom.test/log");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("PRIVATE+KEY+clearroom.test/log+");

        var again = signer(Optional.empty(), Optional.of(file.toString()), Optional.empty());
        assertThat(again.verifierKey()).isEqualTo(first.verifierKey());
    }

    @Test
    void checkpointsItSignsVerifyWithItsVerifierKey() {
        var signer =
                signer(Optional.empty(), Optional.of(dir.resolve("ledger.key").toString()), Optional.of("o/log"));
        var note = signer.sign(new Checkpoint("o/log", 0, MerkleTree.emptyRoot()));
        assertThat(note.verifiedBy(VerifierKey.parse(signer.verifierKey().encoded())))
                .isTrue();
    }

    @Test
    void aKeyWhoseIdDoesNotMatchIsRefused() {
        assertThatThrownBy(() -> signer(
                        Optional.of(GO_SKEY.replace("c74f20a3", "00000000")), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("id does not match");
        assertThatThrownBy(() -> signer(Optional.of("not a key"), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
    }
}
