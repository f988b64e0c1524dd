package io.herdgate.protocol.frame;

/** Which way a frame travels; bit 0 of the frame flags and byte 1 of the MIC and cipher blocks. */
public enum Direction {
    /** Collar to gateway, wire value 0. */
    UP(0),
    /** Gateway to collar, wire value 1. */
    DOWN(1);

    private final int bit;

    Direction(int bit) {
        this.bit = bit;
    }

    /** The wire value: 0 for {@link #UP}, 1 for {@link #DOWN}. */
    public int bit() {
        return bit;
    }

    /** The direction for a wire value (only bit 0 is looked at). */
    public static Direction ofBit(int bit) {
        return (bit & 1) == 0 ? UP : DOWN;
    }
}
