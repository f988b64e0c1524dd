package io.herdgate.protocol.frame;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A collar's 64-bit EUI, its address on every frame. Printed as 16 upper-case hex digits, most
 * significant first (as on the collar label); sent little-endian on air.
 */
public record CollarEui(long value) implements Comparable<CollarEui> {

    public static CollarEui of(long value) {
        return new CollarEui(value);
    }

    /**
     * Parses 16 hex digits, optionally separated by {@code :} or {@code -} ("70B3D5...", "70-B3-D5-...").
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static CollarEui parse(String text) {
        String hex = text.trim().replace(":", "").replace("-", "");
        if (hex.length() != 16 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("collar EUI must be 16 hex digits, got '" + text + "'");
        }
        return new CollarEui(Long.parseUnsignedLong(hex, 16));
    }

    // Written out rather than the record's generated ones: the gateway looks EUIs up in several maps for
    // every frame, and the generated methods go through method handles that only C2 inlines well.
    @Override
    public boolean equals(Object o) {
        return o instanceof CollarEui other && other.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public int compareTo(CollarEui o) {
        return Long.compareUnsigned(value, o.value);
    }

    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().toHexDigits(value).toUpperCase(Locale.ROOT);
    }
}
