package io.herdgate.gateway.registry;

import io.herdgate.protocol.crypto.AesKey;
import java.util.HexFormat;

/** Root keys as installers type them from a label: 32 hex digits, spaces, {@code -} or {@code :} allowed between. */
public final class KeyText {

    /** The allowed form, for error messages. */
    public static final String FORM = "32 hex digits (spaces, '-' or ':' between them allowed)";

    private KeyText() {
    }

    /**
     * Parses a root key. The message of the exception never contains the text itself: it may be a
     * mistyped secret.
     *
     * @throws IllegalArgumentException naming the allowed form and how many digits were found
     */
    public static AesKey parse(String text) {
        String hex = text.strip().replace(" ", "").replace("-", "").replace(":", "");
        if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("key must be " + FORM + ", got " + hex.length() + " characters"
                    + (hex.chars().allMatch(c -> Character.digit(c, 16) >= 0) ? "" : " with non-hex ones"));
        }
        return AesKey.of(HexFormat.of().parseHex(hex));
    }
}
