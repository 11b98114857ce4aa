package org.clearroom.rooms.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.clearroom.platform.control.Actor;
import org.clearroom.rooms.boundary.RoomRetention;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges content past each room's retention period, as the server, every
 * {@code clearroom.retention.interval-minutes} (an hour by default). Every node runs it; a purge locks its
 * room and only touches rows not purged yet, so two nodes purging at once remove each item once and record
 * it once.
 */
@ApplicationScoped
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    RoomRetention retention;

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
        for (var room : retention.roomsWithRetention()) {
            try {
                var purged = retention.purge(Actor.SYSTEM, room);
                if (purged.values().stream().anyMatch(count -> count > 0)) {
                    LOG.info(() -> "retention purged " + purged + " in room " + room);
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
