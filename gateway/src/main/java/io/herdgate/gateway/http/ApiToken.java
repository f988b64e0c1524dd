package io.herdgate.gateway.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.tinylog.Logger;

/**
 * The shared secret of the local API: 32 random bytes, base64url without padding (43 characters),
 * kept in {@code <data-dir>/api-token} with mode 0600. {@link #toString()} is redacted.
 */
public final class ApiToken {

    /** File name inside the data directory. */
    public static final String FILE_NAME = "api-token";
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{16,256}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;
    private final byte[] digest;

    private ApiToken(String value) {
        this.value = value;
        this.digest = sha256(value);
    }

    /**
     * A token from its text form.
     *
     * @throws IllegalArgumentException unless it is 16–256 characters of {@code A-Z a-z 0-9 _ -}
     */
    public static ApiToken of(String value) {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("API token must be 16-256 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
        return new ApiToken(value);
    }

    /** A fresh random token. */
    public static ApiToken random() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new ApiToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** {@code <dataDir>/api-token}. */
    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * Reads the token of {@code dataDir}, creating the directory and a fresh 0600 token file when there
     * is none yet (first start). A file readable by others is narrowed to 0600 and a warning logged.
     *
     * @throws ApiTokenException when the file cannot be read, written, or holds no valid token
     */
    public static ApiToken loadOrCreate(Path dataDir) {
        Path file = file(dataDir);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                create(file);
            }
        } catch (IOException e) {
            throw new ApiTokenException(file, "cannot create the API token (" + e.getMessage() + ")", e);
        }
        narrowPermissions(file);
        return read(file);
    }

    /**
     * Reads an existing token file (what the CLI does; it never creates one).
     *
     * @throws ApiTokenException when the file is missing, unreadable or holds no valid token
     */
    public static ApiToken read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new ApiTokenException(file, "no API token; the gateway creates it at its first start", e);
        } catch (AccessDeniedException e) {
            throw new ApiTokenException(file, "cannot read the API token: run as the herdgate user or with sudo", e);
        } catch (IOException e) {
            throw new ApiTokenException(file, "cannot read the API token (" + e.getMessage() + ")", e);
        }
        if (!FORM.matcher(text).matches()) {
            throw new ApiTokenException(file, "not an API token (expected 16-256 characters of A-Z, a-z, 0-9, '_' "
                    + "or '-'); delete the file and restart the gateway to make a new one", null);
        }
        return new ApiToken(text);
    }

    /**
     * Whether {@code candidate} is this token, in time independent of where they differ (both sides are
     * hashed first, so neither content nor length leaks through timing).
     */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(digest, sha256(candidate));
    }

    /** The secret itself, for the {@code Authorization} header only; never log it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiToken[redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiToken other && MessageDigest.isEqual(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return digest[0];
    }

    /** Writes a temporary 0600 file and hard-links it into place, so no reader sees a half-written token. */
    private static void create(Path file) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".api-token", ".tmp", ownerOnlyAttribute());
        try {
            Files.writeString(tmp, random().value + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, tmp);
            Logger.info("api token created file={}", file);
        } catch (FileAlreadyExistsException e) {
            // Another process created it first; theirs wins.
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static FileAttribute<?>[] ownerOnlyAttribute() {
        return isPosix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static void narrowPermissions(Path file) {
        if (!isPosix()) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(perms)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
                Logger.warn("api token was readable by others; narrowed to 0600 file={} was={}", file,
                        PosixFilePermissions.toString(perms));
            }
        } catch (IOException e) {
            throw new ApiTokenException(file, "cannot set the API token's permissions to 0600 (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
