package io.liquid5gc.runtime.app;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read and write (mode 0600): the store journal (subscriber data), generated tokens and
 * key-encryption keys. Where the file system has no POSIX permissions the file is created as the platform does.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates the file (and its directory) with mode 0600 if it does not exist; an existing file is set to 0600. */
    public static void ensure(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        try {
            if (posix(file)) {
                Files.createFile(file, attribute());
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException exists) {
            restrict(file);
        }
    }

    /** Writes a new file with mode 0600 (failing when it already exists: a secret is never overwritten). */
    public static void createWith(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (posix(file)) {
            Files.createFile(file, attribute());
        } else {
            Files.createFile(file);
        }
        Files.write(file, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Sets mode 0600 on an existing file. */
    public static void restrict(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return (dir == null ? file : dir).getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
