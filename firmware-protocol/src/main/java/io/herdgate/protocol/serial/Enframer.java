package io.herdgate.protocol.serial;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Writes records onto the serial link as {@code COBS(record ‖ CRC-32C(record)) 0x00}, the CRC
 * little-endian. Used by the gateway for downlinks and by whatever plays the dongle (simulator, tests)
 * for the other kinds. Holds its scratch buffer, so {@link #enframe(DongleRecord, byte[], int)}
 * allocates nothing; not thread-safe.
 */
public final class Enframer {

    private final byte[] raw = new byte[SerialLimits.MAX_RECORD + SerialLimits.CRC_LENGTH];
    private final CRC32C crc = new CRC32C();

    private Enframer() {
    }

    public static Enframer create() {
        return new Enframer();
    }

    /**
     * Writes the record, delimiter included, into {@code dst} from {@code off}, which needs
     * {@link SerialLimits#MAX_ON_LINE} bytes of room (fewer suffice for short records).
     *
     * @return the number of bytes written, at most {@link SerialLimits#MAX_ON_LINE}
     * @throws IndexOutOfBoundsException if {@code dst} has too little room for this record
     */
    public int enframe(DongleRecord record, byte[] dst, int off) {
        int len = RecordCodec.write(record, raw);
        crc.reset();
        crc.update(raw, 0, len);
        RecordCodec.putU32(raw, len, crc.getValue());
        int encoded = Cobs.encode(raw, 0, len + SerialLimits.CRC_LENGTH, dst, off);
        if (off + encoded >= dst.length) {
            throw new IndexOutOfBoundsException("no room for the delimiter at " + (off + encoded)
                    + " in a buffer of " + dst.length + " bytes");
        }
        dst[off + encoded] = 0;
        return encoded + 1;
    }

    /** The record as it goes on the line, delimiter included. */
    public byte[] enframe(DongleRecord record) {
        byte[] out = new byte[SerialLimits.MAX_ON_LINE];
        return Arrays.copyOf(out, enframe(record, out, 0));
    }
}
