package io.herdgate.protocol.message;

import java.util.Optional;

/**
 * An event the collar detected on board.
 *
 * @param kind         what happened
 * @param ageMs        age of the event when the frame was sent, in ms, 0..2^32-1
 * @param peakMilliG   peak acceleration magnitude in mg, 0..65535
 * @param durationMs   how long the condition lasted, 0..65535 ms
 */
public record CollarEvent(Kind kind, long ageMs, int peakMilliG, int durationMs) implements Uplink {

    public CollarEvent {
        CollarStatus.checkU32("ageMs", ageMs);
        if (peakMilliG < 0 || peakMilliG > 0xFFFF) {
            throw new IllegalArgumentException("peakMilliG out of 0..65535: " + peakMilliG);
        }
        if (durationMs < 0 || durationMs > 0xFFFF) {
            throw new IllegalArgumentException("durationMs out of 0..65535: " + durationMs);
        }
    }

    public static CollarEvent of(Kind kind, long ageMs, int peakMilliG, int durationMs) {
        return new CollarEvent(kind, ageMs, peakMilliG, durationMs);
    }

    @Override
    public MessageType type() {
        return MessageType.EVENT;
    }

    /** Event kinds on air. */
    public enum Kind {
        IMPACT(1), FREE_FALL(2), COLLAR_REMOVED(3);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static Optional<Kind> ofCode(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }
}
