package org.clearroom.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clearroom.audit.boundary.Ledger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the ledger's signer has its key and has signed a checkpoint; up or down, nothing more (public). */
@Readiness
@ApplicationScoped
public class LedgerReadiness implements HealthCheck {

    @Inject
    Ledger ledger;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("ledger");
        try {
            return ledger.latestCheckpoint().isPresent()
                    ? response.up().build()
                    : response.down().build();
        } catch (RuntimeException e) {
            return response.down().build();
        }
    }
}
