package io.herdgate.protocol.message;

import java.util.Optional;

/** Why the collar's microcontroller last reset. */
public enum ResetCause {
    POWER_ON(0), BROWN_OUT(1), WATCHDOG(2), SOFTWARE(3), FIRMWARE_UPDATE(4), PIN(5), UNKNOWN(255);

    private final int code;

    ResetCause(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The cause for a wire code; unknown codes map to {@link #UNKNOWN} (forward compatible). */
    public static ResetCause ofCode(int code) {
        for (ResetCause c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return UNKNOWN;
    }

    public static Optional<ResetCause> strictOfCode(int code) {
        for (ResetCause c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
