package io.herdgate.protocol.serial;

import java.util.Objects;

/**
 * The dongle's report on one downlink.
 *
 * @param tag      the tag of the {@link RadioDownlink}
 * @param outcome  what happened to it
 * @param doneMs   the dongle's uptime clock when transmission ended or was abandoned, ms, 0..2^32-1
 */
public record TxDone(TxTag tag, TxOutcome outcome, long doneMs) implements DongleRecord {

    public TxDone {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(outcome, "outcome");
        Fields.checkU32("doneMs", doneMs);
    }

    public static TxDone of(TxTag tag, TxOutcome outcome, long doneMs) {
        return new TxDone(tag, outcome, doneMs);
    }

    @Override
    public RecordKind kind() {
        return RecordKind.TX_DONE;
    }
}
