package org.clearroom.bench;

import java.security.PrivateKey;
import java.time.Clock;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.Ed25519;
import org.clearroom.audit.SignedNote;
import org.clearroom.audit.VerifierKey;
import org.clearroom.audit.control.LedgerStore;

/** A fresh Ed25519 checkpoint key, as LedgerSigner holds one, and a LedgerStore that signs with it. */
final class BenchKey {

    static final String ORIGIN = "bench.clearroom.example/ledger";

    final PrivateKey privateKey;
    final VerifierKey verifierKey;

    BenchKey() {
        var pair = Ed25519.generate();
        privateKey = pair.getPrivate();
        verifierKey = VerifierKey.of(ORIGIN, pair.getPublic());
    }

    SignedNote sign(Checkpoint checkpoint) {
        return SignedNote.sign(checkpoint.body(), ORIGIN, privateKey, verifierKey);
    }

    LedgerStore store() {
        return new LedgerStore(ORIGIN, this::sign, Clock.systemUTC());
    }
}
