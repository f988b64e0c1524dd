package io.herdgate.gateway.whatsapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;

/**
 * A credential (access token, app secret, verify token). Its {@link #toString()} is redacted so it never
 * reaches a log line; {@link #reveal()} is for the one place that sends it.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException when {@code value} is blank */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return new Secret(value.strip());
    }

    /**
     * The secret in {@code file} (UTF-8, surrounding blanks and the final newline ignored).
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or is empty
     */
    public static Secret fromFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException(file + ": secret file is empty");
            }
            return new Secret(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read secret file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The secret in environment variable {@code name} of {@code environment} (pass {@code System.getenv()}).
     *
     * @throws IllegalArgumentException naming the variable when it is unset or blank
     */
    public static Secret fromEnvironment(String name, Map<String, String> environment) {
        String v = environment.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("environment variable " + name + " is not set");
        }
        return new Secret(v.strip());
    }

    /**
     * The secret a configuration value points to: {@code env:NAME} reads environment variable NAME,
     * {@code file:PATH} or a plain path reads the file. The value itself is never accepted inline, so a
     * configuration file holds no credential.
     *
     * @throws IllegalArgumentException naming the variable or file when it cannot be read
     */
    public static Secret read(String reference, Map<String, String> environment) {
        String r = reference.strip();
        if (r.startsWith("env:")) {
            return fromEnvironment(r.substring(4), environment);
        }
        return fromFile(Path.of(r.startsWith("file:") ? r.substring(5) : r));
    }

    /** The secret itself; never log it. */
    public String reveal() {
        return value;
    }

    /** Whether {@code candidate} equals this secret, in time independent of where they differ. */
    public boolean matches(String candidate) {
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && matches(s.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
