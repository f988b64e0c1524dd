package io.herdgate.gateway.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * {@code <data-dir>/console-password}: the console password hash written by {@code herdgate console
 * passwd}, mode 0600, replaced atomically.
 */
public final class PasswordFile {

    public static final String FILE_NAME = "console-password";

    private PasswordFile() {
    }

    public static Path in(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * The hash in {@code file}, or empty when there is no file.
     *
     * @throws ConsoleConfigException when the file is unreadable or does not hold a hash
     */
    public static Optional<PasswordHash> read(Path file) {
        try {
            return Optional.of(PasswordHash.parse(Files.readString(file, StandardCharsets.US_ASCII)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ConsoleConfigException(file + ": cannot read the console password (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new ConsoleConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code hash} to {@code file} (0600), replacing the old one atomically. */
    public static void write(Path file, PasswordHash hash) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".console-password", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, hash.encoded() + "\n", StandardCharsets.US_ASCII);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ConsoleConfigException(file + ": cannot write the console password (" + e.getMessage() + ")", e);
        }
    }
}
