package io.herdgate.protocol.serial;

import java.util.Optional;

/** What became of a downlink, as reported in {@link TxDone}. */
public enum TxOutcome {
    /** The frame went on air. */
    SENT(0),
    /** The channel stayed busy (listen-before-talk) and the dongle gave up. */
    CHANNEL_BUSY(1),
    /** The dongle's duty-cycle budget for the channel was spent; retry later. */
    DUTY_CYCLE(2),
    /** The dongle refused the record (unknown channel or power). */
    REFUSED(3);

    private static final TxOutcome[] ALL = values();

    private final int code;

    TxOutcome(int code) {
        this.code = code;
    }

    /** The outcome byte on the link. */
    public int code() {
        return code;
    }

    /** The outcome for a code byte, or empty for an unknown one. */
    public static Optional<TxOutcome> ofCode(int code) {
        for (TxOutcome o : ALL) {
            if (o.code == code) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
