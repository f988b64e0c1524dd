package io.herdgate.gateway.gpio;

/**
 * How the status LED blinks, as a periodic on/off pattern.
 *
 * @param periodMillis length of one cycle
 * @param onMillis     lit from the start of each cycle for this long
 */
public record LedPattern(long periodMillis, long onMillis) {

    /** Alive: a 100 ms flash every 2 s. */
    public static final LedPattern HEARTBEAT = new LedPattern(2_000, 100);
    /** An alarm is active: 4 Hz blink, visible across a barn. */
    public static final LedPattern ALARM = new LedPattern(250, 125);
    /** Pairing mode: slow even blink. */
    public static final LedPattern PAIRING = new LedPattern(1_000, 500);

    public LedPattern {
        if (periodMillis <= 0 || onMillis < 0 || onMillis > periodMillis) {
            throw new IllegalArgumentException("LED pattern needs 0 <= on <= period, period > 0: on=" + onMillis
                    + " period=" + periodMillis);
        }
    }

    /** Whether the LED is lit {@code elapsedMillis} after the pattern started. */
    public boolean litAt(long elapsedMillis) {
        return Math.floorMod(elapsedMillis, periodMillis) < onMillis;
    }
}
