package io.herdgate.gateway.sms;

/**
 * How one SMS carries its text on air: the data coding scheme set with {@code AT+CSMP} and the length
 * limit of a single, unconcatenated message.
 */
enum SmsCoding {
    /** GSM 7-bit default alphabet: 160 septets. */
    GSM7(0, 160),
    /** UCS2 (UTF-16): 70 code units. */
    UCS2(8, 70);

    private final int dcs;
    private final int limit;

    SmsCoding(int dcs, int limit) {
        this.dcs = dcs;
        this.limit = limit;
    }

    /** The data coding scheme (TP-DCS) value. */
    int dcs() {
        return dcs;
    }

    /** Most units (septets or UTF-16 code units) in one message. */
    int limit() {
        return limit;
    }

    /** The units {@code text} takes in this coding. */
    int length(CharSequence text) {
        return this == GSM7 ? Gsm7.length(text) : text.length();
    }

    /** GSM 7-bit when it can carry every character, UCS2 otherwise. */
    static SmsCoding of(CharSequence text) {
        return Gsm7.canEncode(text) ? GSM7 : UCS2;
    }
}
