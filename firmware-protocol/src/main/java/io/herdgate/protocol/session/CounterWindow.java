package io.herdgate.protocol.session;

import io.herdgate.protocol.frame.FrameLayout;

/**
 * Rebuilds the full 32-bit frame counter from the value on air (see {@code PROTOCOL.md},
 * "Frame counter"). With 32 bits on air the value is the counter. With 16 bits on air, the receiver
 * takes {@code delta = (onAir - last) mod 2^16}: {@code delta} 0 is the last counter itself;
 * {@code 1..MAX_SHORT_COUNTER_GAP} is that many frames ahead; any larger {@code delta} is an old frame,
 * {@code 2^16 - delta} behind the last one. Without a last counter, the high bits are taken as zero.
 */
public final class CounterWindow {

    /** Returned by {@link #rebuild} for a frame that would lie before counter 0 (certainly old). */
    public static final long BEFORE_ZERO = -1;

    private CounterWindow() {
    }

    /**
     * The full counter of a frame.
     *
     * @param last         the last accepted counter of the stream, or -1 if none
     * @param onAir        the counter field as read (0..2^16-1 when {@code shortCounter})
     * @param shortCounter whether only 16 bits were on air
     * @return the full counter 0..2^32-1 (above 2^32-1 only if the counter space is exhausted), or
     *         {@link #BEFORE_ZERO}
     */
    public static long rebuild(long last, long onAir, boolean shortCounter) {
        if (!shortCounter || last < 0) {
            return onAir;
        }
        long delta = (onAir - last) & 0xFFFF;
        if (delta <= FrameLayout.MAX_SHORT_COUNTER_GAP) {
            return last + delta;
        }
        long behind = last - (0x1_0000 - delta);
        return behind < 0 ? BEFORE_ZERO : behind;
    }
}
