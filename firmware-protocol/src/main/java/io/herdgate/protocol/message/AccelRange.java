package io.herdgate.protocol.message;

import java.util.Optional;

/**
 * Full-scale range of the collar accelerometer. Raw samples are signed 12-bit counts, so one count is
 * {@code rangeG / 2048} g.
 */
public enum AccelRange {
    G2(0, 2), G4(1, 4), G8(2, 8), G16(3, 16);

    private final int code;
    private final int rangeG;

    AccelRange(int code, int rangeG) {
        this.code = code;
        this.rangeG = rangeG;
    }

    public int code() {
        return code;
    }

    public int rangeG() {
        return rangeG;
    }

    /** Milli-g per raw count. */
    public double milliGPerCount() {
        return rangeG * 1000.0 / 2048.0;
    }

    public static Optional<AccelRange> ofCode(int code) {
        // Codes are the ordinals; no values() copy on the decoding path.
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }

    private static final AccelRange[] BY_CODE = values();
}
