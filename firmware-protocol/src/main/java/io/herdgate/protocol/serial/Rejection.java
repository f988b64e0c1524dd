package io.herdgate.protocol.serial;

import java.util.Locale;

/** Why the {@link Deframer} dropped the bytes between two delimiters. */
public enum Rejection {
    /** More than {@link SerialLimits#MAX_ENCODED} bytes before the delimiter; discarded unread. */
    OVERSIZE("longer than " + SerialLimits.MAX_ENCODED + " encoded bytes"),
    /** Not canonical COBS (a code byte points past the delimiter, or a redundant final block). */
    BAD_COBS("not valid COBS"),
    /** Fewer bytes than the CRC plus the header of the record's kind, or a frame of zero bytes. */
    TOO_SHORT("too short for its kind"),
    /** The CRC-32C trailer does not match the record: line noise, or a lost delimiter merged two records. */
    BAD_CRC("CRC-32C mismatch"),
    /** The kind byte is none of {@link RecordKind}. */
    UNKNOWN_KIND("unknown record kind (known: 0x01..0x04)"),
    /** A fixed-length record with bytes beyond its end, or a radio frame over the maximum. */
    BAD_LENGTH("wrong length for its kind"),
    /** A field holds a value outside its allowed set (the outcome of a TX_DONE, known: 0..3). */
    BAD_FIELD("field value out of range");

    private final String description;

    Rejection(String description) {
        this.description = description;
    }

    /** Lower-case name used in JSON and {@code test-vectors.json}, e.g. {@code bad_crc}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A short human description, e.g. for a log line. */
    public String description() {
        return description;
    }
}
