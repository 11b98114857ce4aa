package org.clearroom.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Secrets every server of an installation shares, kept in the {@code server_secret} table (made with the
 * schema, so every node reads the same ones) and cached once read.
 */
@ApplicationScoped
public class ServerSecrets {

    @Resource(lookup = "java:app/jdbc/clearroom")
    DataSource dataSource;

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** The secret called {@code name}; IllegalStateException when the schema made none. */
    public byte[] get(String name) {
        return cache.computeIfAbsent(name, this::load).clone();
    }

    private byte[] load(String name) {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("select secret from server_secret where name = ?")) {
            query.setString(1, name);
            try (var rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the schema holds no server secret '" + name + "'");
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read server secret '" + name + "': " + e.getMessage(), e);
        }
    }
}
