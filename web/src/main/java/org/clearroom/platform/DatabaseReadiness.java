package org.clearroom.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clearroom.platform.boundary.DatabaseHealth;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    DatabaseHealth database;

    @Override
    public HealthCheckResponse call() {
        var status = database.check();
        return HealthCheckResponse.named("database")
                .status(status.up())
                .withData("postgresql", status.detail())
                .build();
    }
}
