package io.herdgate.protocol.serial;

/**
 * Identifies one downlink until its {@link TxDone}: chosen by the gateway, echoed by the dongle;
 * 0..65535, wrapping.
 */
public record TxTag(int value) {

    public TxTag {
        Fields.checkU16("tag", value);
    }

    public static TxTag of(int value) {
        return new TxTag(value);
    }

    /** The next tag, wrapping from 65535 to 0. */
    public TxTag next() {
        return new TxTag((value + 1) & 0xFFFF);
    }

    @Override
    public String toString() {
        return "tx#" + value;
    }
}
