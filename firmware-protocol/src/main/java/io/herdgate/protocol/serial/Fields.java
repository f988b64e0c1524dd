package io.herdgate.protocol.serial;

/** Range checks for record fields, naming the field and its allowed range. */
final class Fields {

    private Fields() {
    }

    static void checkU8(String field, int v) {
        check(field, v, 0, 0xFF);
    }

    static void checkI8(String field, int v) {
        check(field, v, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    static void checkU16(String field, int v) {
        check(field, v, 0, 0xFFFF);
    }

    static void checkU32(String field, long v) {
        check(field, v, 0, 0xFFFF_FFFFL);
    }

    private static void check(String field, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + " out of " + min + ".." + max + ": " + v);
        }
    }
}
