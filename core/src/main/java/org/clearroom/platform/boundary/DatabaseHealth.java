package org.clearroom.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Whether the database answers, for the readiness check. */
@ApplicationScoped
public class DatabaseHealth {

    @Resource(lookup = "java:app/jdbc/clearroom")
    DataSource dataSource;

    /** The server version when the database answers a query within two seconds, or why not. */
    public Status check() {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (var rs = statement.executeQuery("select current_setting('server_version')")) {
                rs.next();
                return new Status(true, rs.getString(1));
            }
        } catch (SQLException e) {
            return new Status(false, e.getSQLState() == null ? "unreachable" : "SQLSTATE " + e.getSQLState());
        }
    }

    public record Status(boolean up, String detail) {}
}
