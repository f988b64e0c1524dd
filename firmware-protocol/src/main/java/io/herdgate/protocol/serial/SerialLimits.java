package io.herdgate.protocol.serial;

import io.herdgate.protocol.frame.FrameLayout;

/** Size limits of the serial link, in bytes. Derivation in {@code spec/serial-link.md}. */
public final class SerialLimits {

    /**
     * Largest radio frame a record carries: the largest frame of the collar protocol,
     * {@link FrameLayout#MAX_FRAME} (255, the LoRa physical-layer maximum: header, maximum payload, MIC).
     */
    public static final int MAX_RADIO_FRAME = FrameLayout.MAX_FRAME;

    /** Length of the CRC-32C trailer after each record. */
    public static final int CRC_LENGTH = 4;

    /** Largest record before the CRC: the 8-byte radio-uplink header plus the largest radio frame. */
    public static final int MAX_RECORD = RecordCodec.UPLINK_HEADER + MAX_RADIO_FRAME;

    /** Largest COBS-encoded record plus CRC, without the {@code 0x00} delimiter (269). */
    public static final int MAX_ENCODED = Cobs.maxEncodedLength(MAX_RECORD + CRC_LENGTH);

    /** Most bytes one record occupies on the serial line, delimiter included (270). */
    public static final int MAX_ON_LINE = MAX_ENCODED + 1;

    private SerialLimits() {
    }
}
