package org.clearroom.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries an embedded database runs: the archive of the zonky binaries artefact for
 * this platform ({@code postgres-<os>-<arch>.txz} on the class path), unpacked once per machine into a
 * directory named after the archive's SHA-256.
 *
 * <p>A run may be killed at any moment, and the next one must not trip over what it left. So the
 * archive is unpacked into a new sibling directory, under a file lock that other processes wait for,
 * and renamed into place only once every file is written; what a killed run left half-done is deleted
 * by the next one that takes the lock. Unpacking streams from the archive to the files (the xz
 * decoder's 8 MiB dictionary is the largest buffer), so it needs no more heap than the rest of the
 * launcher.
 */
final class PostgresBinaries {

    /** Written last into a finished directory; its presence is what "unpacked" means. */
    static final String COMPLETE = ".clearroom-complete";

    private static final String PARTIAL = ".partial-";

    /** xz decoder memory limit in KiB: the binaries use an 8 MiB dictionary; refuse anything absurd. */
    private static final int XZ_MEMORY_LIMIT_KIB = 64 * 1024;

    private PostgresBinaries() {}

    /**
     * Where binaries are unpacked unless {@code clearroom.postgres.binaries} names a directory: beside
     * other programs' temporary files, so that deleting a project's {@code .clearroom/} does not cost
     * the next start an unpack.
     */
    static Path defaultBase() {
        var configured = System.getProperty("clearroom.postgres.binaries");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "clearroom-postgres");
    }

    /**
     * The directory holding {@code bin/}, {@code lib/} and {@code share/} of this platform's
     * PostgreSQL, unpacking it first if no earlier run finished doing so.
     *
     * @param progress told once, before a first (slow) unpack starts
     * @throws IOException when the archive cannot be read or written out
     * @throws IllegalStateException when no binaries for this platform are on the class path
     */
    @SuppressWarnings("try") // the file lock is held across the block, never called in it
    static synchronized Path unpacked(Path base, Consumer<String> progress) throws IOException {
        var archive = archive();
        var target = base.resolve("pg-" + sha256(archive).substring(0, 16));
        if (Files.isRegularFile(target.resolve(COMPLETE))) {
            return target;
        }
        Files.createDirectories(base);
        try (var lockFile = FileChannel.open(
                        base.resolve(".unpack.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var lock = lockFile.lock()) {
            // another process may have finished while this one waited for the lock
            if (Files.isRegularFile(target.resolve(COMPLETE))) {
                return target;
            }
            progress.accept("unpacking PostgreSQL into " + target + " (first run only)");
            // whoever left these is gone: this process holds the lock
            try (var leftovers = Files.list(base)) {
                for (var leftover : leftovers.toList()) {
                    if (leftover.getFileName().toString().contains(PARTIAL)) {
                        deleteLeftover(leftover);
                    }
                }
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(target); // unfinished, from a layout without the marker
            }
            var partial = base.resolve(target.getFileName() + PARTIAL + UUID.randomUUID());
            Files.createDirectories(partial);
            try (var in = archive.openStream()) {
                extract(in, partial);
            }
            Files.writeString(partial.resolve(COMPLETE), archive + "\n");
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target);
            }
            return target;
        }
    }

    /** The archive for this operating system and architecture, as the binaries artefacts name them. */
    static URL archive() {
        var os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        var system = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "darwin" : "linux";
        var arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        var architecture =
                switch (arch) {
                    case "amd64", "x86_64" -> "x86_64";
                    case "aarch64", "arm64" -> "arm_64";
                    default -> arch;
                };
        var loader = PostgresBinaries.class.getClassLoader();
        var candidates = new java.util.ArrayList<String>();
        if (system.equals("linux") && Files.exists(Path.of("/etc/alpine-release"))) {
            candidates.add("postgres-linux-" + architecture + "-alpine_linux.txz");
        }
        candidates.add("postgres-" + system + "-" + architecture + ".txz");
        if (!architecture.equals("x86_64") && !system.equals("linux")) {
            // Apple silicon and Windows on ARM run the x86-64 build under emulation
            candidates.add("postgres-" + system + "-x86_64.txz");
        }
        for (var name : candidates) {
            var found = loader.getResource(name);
            if (found != null) {
                return found;
            }
        }
        throw new IllegalStateException("no PostgreSQL binaries for " + system + " " + architecture
                + " on the class path (looked for " + String.join(", ", candidates)
                + "); set the libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD) to use your own server");
    }

    private static String sha256(URL archive) throws IOException {
        try (var in = new DigestInputStream(archive.openStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Streams the tar.xz into {@code directory}, refusing entries that would land outside it. */
    static void extract(InputStream archive, Path directory) throws IOException {
        var root = directory.toAbsolutePath().normalize();
        try (var tar = new TarArchiveInputStream(new XZInputStream(archive, XZ_MEMORY_LIMIT_KIB))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                var path = root.resolve(entry.getName()).normalize();
                if (!path.startsWith(root) || path.equals(root)) {
                    if (path.equals(root)) {
                        continue; // "./"
                    }
                    throw new IOException("archive entry " + entry.getName() + " points outside the directory");
                }
                Files.createDirectories(path.getParent());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    var linked = root.resolve(entry.getLinkName()).normalize();
                    if (!linked.startsWith(root)) {
                        throw new IOException("archive link " + entry.getName() + " points outside the directory");
                    }
                    Files.createLink(path, linked);
                } else if (entry.isFile()) {
                    Files.copy(tar, path);
                    permit(path, entry.getMode());
                } else {
                    throw new IOException("archive entry " + entry.getName() + " is of an unexpected type");
                }
            }
        }
    }

    private static void permit(Path file, int mode) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            if ((mode & 0100) != 0 && !file.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + file + " executable");
            }
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ);
        if ((mode & 0200) != 0) {
            permissions.add(PosixFilePermission.OWNER_WRITE);
        }
        if ((mode & 0111) != 0) {
            permissions.addAll(Set.of(
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        permissions.add(PosixFilePermission.GROUP_READ);
        permissions.add(PosixFilePermission.OTHERS_READ);
        Files.setPosixFilePermissions(file, permissions);
    }

    /**
     * Deletes what a killed run left, if it can: a program the killed run started may still be writing
     * there, and a leftover under another name blocks nothing, so a failure is left for a later run.
     */
    static void deleteLeftover(Path leftover) {
        try {
            deleteTree(leftover);
        } catch (IOException e) {
            // left for a later run
        }
    }

    /** Deletes a directory tree without following links out of it. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
