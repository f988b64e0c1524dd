package io.herdgate.protocol.serial;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Turns the serial byte stream into records. Feed it the bytes of each serial read, however they are
 * chunked; at every {@code 0x00} it hands the sink one {@link Deframed}: the record, or why the bytes since
 * the previous delimiter were dropped. An empty record (two delimiters in a row) is idle line, not an
 * error, and yields nothing.
 *
 * <p>Resync is implicit: whatever noise arrives, the next {@code 0x00} starts a fresh record. Memory is
 * bounded by one {@link SerialLimits#MAX_ENCODED}-byte buffer: bytes past that are counted and discarded
 * until the delimiter, then reported once as {@link Rejection#OVERSIZE}. Per record it allocates only
 * the result (record, frame bytes, wrapper). All record kinds are accepted, so the same class serves the
 * dongle side. Not thread-safe: one deframer per serial port.
 */
public final class Deframer {

    private static final Rejection[] REASONS = Rejection.values();

    private final byte[] buf = new byte[SerialLimits.MAX_ENCODED];
    private final CRC32C crc = new CRC32C();
    private final long[] rejected = new long[REASONS.length];
    /** Bytes of the current record held in {@link #buf}. */
    private int held;
    /** Bytes of the current record seen so far, including those discarded as oversize. */
    private long recordLength;
    private long bytesFed;
    private long accepted;

    private Deframer() {
    }

    public static Deframer create() {
        return new Deframer();
    }

    /** Feeds all of {@code chunk}. */
    public void feed(byte[] chunk, Consumer<? super Deframed> sink) {
        feed(chunk, 0, chunk.length, sink);
    }

    /**
     * Feeds {@code chunk[off, off+len)} and hands {@code sink} one result per delimiter found in it, in
     * stream order. Bytes after the last delimiter wait for the next call.
     */
    public void feed(byte[] chunk, int off, int len, Consumer<? super Deframed> sink) {
        if (off < 0 || len < 0 || off > chunk.length - len) {
            throw new IndexOutOfBoundsException("offset " + off + " + length " + len
                    + " exceeds chunk of " + chunk.length + " bytes");
        }
        int end = off + len;
        int i = off;
        while (i < end) {
            int zero = i;
            while (zero < end && chunk[zero] != 0) {
                zero++;
            }
            int run = zero - i;
            // Past the buffer an oversize record is only counted, so memory stays bounded.
            int kept = Math.min(run, buf.length - held);
            System.arraycopy(chunk, i, buf, held, kept);
            held += kept;
            recordLength += run;
            bytesFed += run;
            if (zero == end) {
                return;
            }
            bytesFed++; // the delimiter
            i = zero + 1;
            if (recordLength > 0) {
                sink.accept(endOfRecord());
            }
            held = 0;
            recordLength = 0;
        }
    }

    /** Bytes of an unfinished record waiting for their delimiter (may exceed the buffer if oversize). */
    public long pending() {
        return recordLength;
    }

    /** The counters so far. */
    public DeframerCounters counters() {
        Map<Rejection, Long> byReason = new EnumMap<>(Rejection.class);
        for (Rejection r : REASONS) {
            byReason.put(r, rejected[r.ordinal()]);
        }
        return DeframerCounters.of(bytesFed, accepted, byReason);
    }

    private Deframed endOfRecord() {
        long streamOffset = bytesFed - 1 - recordLength;
        if (recordLength > buf.length) {
            return reject(Rejection.OVERSIZE, streamOffset);
        }
        int n = Cobs.decode(buf, 0, held, buf, 0);
        if (n < 0) {
            return reject(Rejection.BAD_COBS, streamOffset);
        }
        if (n < 1 + SerialLimits.CRC_LENGTH) {
            return reject(Rejection.TOO_SHORT, streamOffset);
        }
        int bodyLength = n - SerialLimits.CRC_LENGTH;
        crc.reset();
        crc.update(buf, 0, bodyLength);
        if ((int) crc.getValue() != (int) RecordCodec.u32(buf, bodyLength)) {
            return reject(Rejection.BAD_CRC, streamOffset);
        }
        Deframed result = RecordCodec.parse(buf, bodyLength, streamOffset, recordLength);
        if (result instanceof Deframed.Rejected r) {
            rejected[r.reason().ordinal()]++;
        } else {
            accepted++;
        }
        return result;
    }

    private Deframed reject(Rejection reason, long streamOffset) {
        rejected[reason.ordinal()]++;
        return Deframed.Rejected.of(reason, streamOffset, recordLength);
    }
}
