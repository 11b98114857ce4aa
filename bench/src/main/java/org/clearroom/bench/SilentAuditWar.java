package org.clearroom.bench;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.clearroom.bench.audit.SilentAuditTrail;

/**
 * The product's WAR with auditing switched off, made at bench time: a copy of {@code clearroom.war}
 * with one class added to {@code WEB-INF/classes}, {@link SilentAuditTrail}, a globally enabled CDI
 * alternative to the audit trail. Nothing else in the archive changes, so the product needs no switch.
 */
final class SilentAuditWar {

    private SilentAuditWar() {}

    static Path make(Path war, Path work) throws IOException {
        var variant = work.resolve("clearroom-audit-off.war");
        Files.copy(war, variant, StandardCopyOption.REPLACE_EXISTING);
        var entry = SilentAuditTrail.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (var in = SilentAuditWar.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IOException(entry + " is not on the benchmark's classpath");
            }
            bytes = in.readAllBytes();
        }
        try (var zip = FileSystems.newFileSystem(variant, Map.of())) {
            var target = zip.getPath("WEB-INF", "classes").resolve(entry);
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        }
        return variant;
    }
}
