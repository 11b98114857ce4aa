package org.clearroom.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clearroom.audit.Checkpoint;
import org.clearroom.audit.SignedNote;
import org.clearroom.audit.boundary.Ledger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the ledger's signer has its key and has signed a checkpoint. */
@Readiness
@ApplicationScoped
public class LedgerReadiness implements HealthCheck {

    @Inject
    Ledger ledger;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("ledger");
        try {
            var note = ledger.latestCheckpoint();
            if (note.isEmpty()) {
                return response.down().withData("checkpoint", "none signed yet").build();
            }
            var checkpoint = Checkpoint.parse(SignedNote.parse(note.get()).text());
            return response.up()
                    .withData("origin", checkpoint.origin())
                    .withData("treeSize", checkpoint.size())
                    .build();
        } catch (RuntimeException e) {
            return response.down().withData("signer", "unavailable").build();
        }
    }
}
