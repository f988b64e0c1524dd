package io.herdgate.protocol.serial;

import java.util.Optional;

/** The first byte of every serial record: what the record carries. */
public enum RecordKind {
    /** Dongle → gateway: a radio frame the dongle received, with RSSI, SNR, channel and receive time. */
    RADIO_UPLINK(0x01),
    /** Gateway → dongle: a radio frame to transmit, with a tag the dongle echoes in its {@link #TX_DONE}. */
    RADIO_DOWNLINK(0x02),
    /** Dongle → gateway: heartbeat with uptime and radio receive counters, sent every few seconds. */
    DONGLE_STATUS(0x03),
    /** Dongle → gateway: the outcome of transmitting a downlink. */
    TX_DONE(0x04);

    private static final RecordKind[] ALL = values();

    private final int code;

    RecordKind(int code) {
        this.code = code;
    }

    /** The kind byte on the link. */
    public int code() {
        return code;
    }

    /** The kind for a code byte, or empty for an unknown one. */
    public static Optional<RecordKind> ofCode(int code) {
        for (RecordKind k : ALL) {
            if (k.code == code) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
