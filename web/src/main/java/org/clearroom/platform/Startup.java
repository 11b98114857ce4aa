package org.clearroom.platform;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.clearroom.audit.control.Sequencer;
import org.clearroom.demo.boundary.DemoData;
import org.clearroom.identity.boundary.FirstOperator;
import org.clearroom.platform.boundary.Schema;
import org.clearroom.rooms.control.RetentionSchedule;

/**
 * Start-up work, in order: migrate the schema, load the demo data if asked to, create the first
 * operator if configured, start numbering audit entries into the ledger and the hourly retention purge. Runs when the web module starts, once the data source is bound; a failure
 * stops the deployment rather than serving on a half-made database.
 */
@WebListener
public class Startup implements ServletContextListener {

    @Inject
    Schema schema;

    @Inject
    DemoData demoData;

    @Inject
    FirstOperator firstOperator;

    @Inject
    Sequencer sequencer;

    @Inject
    RetentionSchedule retention;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        schema.migrate();
        demoData.load();
        firstOperator.create();
        sequencer.start();
        retention.start();
    }
}
