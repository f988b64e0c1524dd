package io.herdgate.gateway.console;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's login and display settings.
 *
 * @param username        the one console account, 1–32 of letters, digits, '.', '_' or '-'
 * @param passwordHash    the hash from {@code console.password_hash} in herdgate.yaml; when empty the
 *                        console reads {@code passwordFile} at each login, so {@code herdgate console
 *                        passwd} works without a restart
 * @param passwordFile    usually {@code <data-dir>/console-password}
 * @param sessionIdle     a session ends after this long without a request, 1 min–7 days
 * @param maxFailures     failed logins from one address within {@code failureWindow} before it is locked, 1–100
 * @param failureWindow   window over which failures are counted, 1 min–1 day
 * @param lockout         how long a locked address must wait, 1 min–1 day
 * @param zone            time zone the page shows times in (the farm's)
 */
public record ConsoleSettings(String username, Optional<PasswordHash> passwordHash, Path passwordFile,
                              Duration sessionIdle, int maxFailures, Duration failureWindow, Duration lockout,
                              ZoneId zone) {

    public static final String DEFAULT_USERNAME = "farmer";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    public ConsoleSettings {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(passwordFile, "passwordFile");
        Objects.requireNonNull(zone, "zone");
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("console.username must be 1-32 of letters, digits, '.', '_' or '-': '"
                    + username + "'");
        }
        within("console.session_idle", sessionIdle, Duration.ofMinutes(1), Duration.ofDays(7));
        within("console.failure_window", failureWindow, Duration.ofMinutes(1), Duration.ofDays(1));
        within("console.lockout", lockout, Duration.ofMinutes(1), Duration.ofDays(1));
        if (maxFailures < 1 || maxFailures > 100) {
            throw new IllegalArgumentException("console.max_failures must be 1-100: " + maxFailures);
        }
    }

    public static ConsoleSettings of(String username, Optional<PasswordHash> passwordHash, Path passwordFile,
                                     Duration sessionIdle, int maxFailures, Duration failureWindow,
                                     Duration lockout, ZoneId zone) {
        return new ConsoleSettings(username, passwordHash, passwordFile, sessionIdle, maxFailures, failureWindow,
                lockout, zone);
    }

    /**
     * User {@value #DEFAULT_USERNAME}, password from {@code <dataDir>/console-password}, sessions end after
     * 12 idle hours (a morning's work on a tablet), 5 failures in 15 minutes lock an address for 15 minutes.
     */
    public static ConsoleSettings defaults(Path dataDir, ZoneId zone) {
        return of(DEFAULT_USERNAME, Optional.empty(), PasswordFile.in(dataDir), Duration.ofHours(12), 5,
                Duration.ofMinutes(15), Duration.ofMinutes(15), zone);
    }

    /** The hash to check a login against now: the configured one, else the file's. */
    Optional<PasswordHash> currentPasswordHash() {
        return passwordHash.isPresent() ? passwordHash : PasswordFile.read(passwordFile);
    }

    private static void within(String key, Duration d, Duration min, Duration max) {
        Objects.requireNonNull(d, key);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " must be " + min + " to " + max + ": " + d);
        }
    }
}
