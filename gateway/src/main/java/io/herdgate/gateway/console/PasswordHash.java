package io.herdgate.gateway.console;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A console password stored as PBKDF2-HMAC-SHA256 with a 16-byte random salt and a 32-byte result,
 * written {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>} (standard base64 with padding).
 * The iteration count costs about a quarter second on a Raspberry Pi 4; raise it, never lower it.
 */
public final class PasswordHash {

    public static final int DEFAULT_ITERATIONS = 150_000;
    /** Shorter passwords are refused when setting one. */
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * Hashes a new password with a fresh salt.
     *
     * @throws IllegalArgumentException when shorter than {@value #MIN_PASSWORD_LENGTH} characters
     */
    public static PasswordHash create(char[] password) {
        return create(password, DEFAULT_ITERATIONS);
    }

    static PasswordHash create(char[] password, int iterations) {
        if (password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the console password needs at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException naming the expected form when {@code text} is not one
     */
    public static PasswordHash parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.strip().split("\\$");
        String expected = "expected " + SCHEME + "$<iterations>$<salt base64>$<hash base64> "
                + "(made by 'herdgate console passwd')";
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("not a console password hash; " + expected);
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < 10_000 || salt.length < 8 || hash.length != HASH_BYTES) {
                throw new IllegalArgumentException("console password hash too weak or damaged (iterations >= 10000, "
                        + "salt >= 8 bytes, hash 32 bytes); " + expected);
            }
            return new PasswordHash(iterations, salt, hash);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("console password hash has no iteration count; " + expected, e);
        }
    }

    /** Whether {@code password} is this one; compares in constant time. */
    public boolean verify(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    public int iterations() {
        return iterations;
    }

    /** The text form, for the password file or {@code console.password_hash} in herdgate.yaml. */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Override
    public String toString() {
        return "PasswordHash[" + SCHEME + ", " + iterations + " iterations]";
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash p && p.iterations == iterations && Arrays.equals(p.salt, salt)
                && MessageDigest.isEqual(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt);
    }
}
