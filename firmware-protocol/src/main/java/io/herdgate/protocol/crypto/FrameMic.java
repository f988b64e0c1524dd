package io.herdgate.protocol.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The frame MIC: the first four bytes of AES-CMAC under the MIC key over the block
 * {@code B0 = 0x49 | dir | eui(8) | counter(4) | len(2)} followed by the {@code len} MIC'd bytes of the
 * frame (version byte to end of payload). Multi-byte fields little-endian; {@code dir} 0 up, 1 down;
 * {@code counter} the full 32-bit counter even when only 16 bits are on air. Reuses its buffers, so a MIC
 * allocates nothing; not thread-safe.
 */
public final class FrameMic {

    /** First byte of B0. */
    public static final int B0_TAG = 0x49;

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final AesCmac cmac;
    private final byte[] b0 = new byte[16];

    private FrameMic(AesKey key) {
        cmac = AesCmac.of(key);
        b0[0] = B0_TAG;
    }

    public static FrameMic of(AesKey key) {
        return new FrameMic(key);
    }

    /**
     * The MIC of {@code frame[off, off+len)} as a little-endian int of its four bytes (the value read from
     * the frame's last four bytes).
     *
     * @param direction 0 up, 1 down
     * @param eui       the collar EUI as a 64-bit value
     * @param counter   the full frame counter, 0..2^32-1
     */
    public int compute(int direction, long eui, long counter, byte[] frame, int off, int len) {
        b0[1] = (byte) direction;
        LONG_LE.set(b0, 2, eui);
        INT_LE.set(b0, 10, (int) counter);
        b0[14] = (byte) len;
        b0[15] = (byte) (len >>> 8);
        return cmac.mic(b0, frame, off, len);
    }
}
