package org.clearroom.forums.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.clearroom.forums.boundary.Moderation;
import org.clearroom.platform.control.Actor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges forum content past each room's retention period, as the server, every
 * {@code clearroom.retention.interval-minutes} (an hour by default). Every node runs it; a purge only
 * touches rows not purged yet, so two nodes purging at once remove each post once and record it once.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    Moderation moderation;

    @Inject
    @ConfigProperty(name = "clearroom.retention.interval-minutes", defaultValue = "60")
    long intervalMinutes;

    private ScheduledFuture<?> runs;

    public synchronized void start() {
        if (runs == null) {
            runs = scheduler.scheduleWithFixedDelay(this::run, 1, intervalMinutes, TimeUnit.MINUTES);
        }
    }

    void run() {
        for (var room : moderation.roomsWithRetention()) {
            try {
                var purged = moderation.purge(Actor.SYSTEM, room);
                if (purged.posts() + purged.threads() > 0) {
                    LOG.info(() -> "retention purged " + purged.posts() + " posts and " + purged.threads()
                            + " thread titles in room " + room);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "retention purge of room " + room + " failed; retrying next run", e);
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
    }
}
