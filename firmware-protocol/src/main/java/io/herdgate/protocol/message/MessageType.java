package io.herdgate.protocol.message;

import java.util.Optional;

/**
 * Wire type codes. Uplink codes are {@code 0x01..0x3F}, downlink codes {@code 0x40..0x7F}; the high bit
 * is reserved. A code not listed here is rejected by the decoder as {@code UNKNOWN_TYPE}.
 */
public enum MessageType {
    SAMPLE_BATCH(0x01),
    ACTIVITY_SUMMARY(0x02),
    STATUS(0x03),
    EVENT(0x04),
    JOIN_REQUEST(0x05),
    FIRMWARE_REPLY(0x06),

    JOIN_ACCEPT(0x41),
    CONFIG(0x42),
    TIME_SYNC(0x43),
    FIRMWARE_COMMAND(0x44),
    ACK(0x45);

    private static final MessageType[] BY_CODE = new MessageType[128];

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The type byte on air. */
    public int code() {
        return code;
    }

    /** True for collar → gateway types. */
    public boolean isUplink() {
        return code < 0x40;
    }

    /** The type for a wire code, or empty for an unknown one. */
    public static Optional<MessageType> ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }
}
