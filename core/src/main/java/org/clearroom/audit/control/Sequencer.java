package org.clearroom.audit.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.clearroom.audit.boundary.Ledger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the ledger's sequencing on every node: each round, whichever node takes the advisory lock
 * numbers what has committed; when that node dies, its lock goes with its connection and another
 * node's next round takes over.
 */
@ApplicationScoped
public class Sequencer {

    private static final Logger LOG = Logger.getLogger(Sequencer.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    Ledger ledger;

    @Inject
    @ConfigProperty(name = "clearroom.ledger.interval-ms", defaultValue = "250")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "clearroom.ledger.batch", defaultValue = "5000")
    int batchSize;

    private ScheduledFuture<?> rounds;

    public synchronized void start() {
        if (rounds == null) {
            rounds = scheduler.scheduleWithFixedDelay(this::round, 0, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void round() {
        try {
            // a full batch means more is waiting: keep going before sleeping
            while (ledger.sequence() >= batchSize) {
                Thread.onSpinWait();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ledger sequencing round failed; retrying next round", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (rounds != null) {
            rounds.cancel(false);
        }
    }
}
