package io.herdgate.protocol.frame;

/** Little-endian reads and writes of unsigned fields in byte arrays; callers check bounds first. */
public final class LittleEndian {

    private LittleEndian() {
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    public static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    public static int u24(byte[] b, int off) {
        return u16(b, off) | (b[off + 2] & 0xFF) << 16;
    }

    /** The signed 32-bit value (for MICs). */
    public static int i32(byte[] b, int off) {
        return u16(b, off) | u16(b, off + 2) << 16;
    }

    public static long u32(byte[] b, int off) {
        return i32(b, off) & 0xFFFF_FFFFL;
    }

    public static long u48(byte[] b, int off) {
        return u32(b, off) | (long) u16(b, off + 4) << 32;
    }

    public static long u64(byte[] b, int off) {
        return u32(b, off) | u32(b, off + 4) << 32;
    }

    /** Writes the low {@code size} bytes of {@code v}, least significant first. */
    public static void put(byte[] b, int off, int size, long v) {
        for (int i = 0; i < size; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }
}
