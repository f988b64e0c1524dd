package io.herdgate.rules.replay;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Finds a byte eight at a time (SWAR): the line and field scans are the replay's hottest loops. */
final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {
    }

    /** Index of the first {@code target} in {@code b[from, to)}, or -1. */
    static int indexOf(byte[] b, int from, int to, byte target) {
        long pattern = (target & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(b, i) ^ pattern;
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == target) {
                return i;
            }
        }
        return -1;
    }

    /**
     * True when {@code a[from, from + b.length)} equals {@code b}. A plain loop: for the few bytes of an
     * id or a date it beats {@code Arrays.equals}, whose vectorized set-up dominates at this length.
     */
    static boolean startsWith(byte[] a, int from, byte[] b) {
        if (from + b.length > a.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (a[from + i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
