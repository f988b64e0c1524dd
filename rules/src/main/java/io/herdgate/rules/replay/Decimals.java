package io.herdgate.rules.replay;

import java.nio.charset.StandardCharsets;

/** Allocation-free parsing of plain decimals ({@code -12.5}, {@code 7}, {@code .25}) from ASCII bytes. */
final class Decimals {

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    private Decimals() {
    }

    /**
     * Parses {@code b[from, to)}.
     *
     * @return the value, correctly rounded; {@code NaN} when the range is empty or not a number (the caller
     *         tells the two apart by the range length)
     */
    static double parse(byte[] b, int from, int to) {
        if (from >= to) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean dot = false;
        for (; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (dot) {
                    scale++;
                }
                if (digits > 15) {
                    return slow(b, from, to);
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return slow(b, from, to);
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        // mantissa < 2^53 and 10^scale exact, so one division rounds correctly
        double v = scale == 0 ? mantissa : mantissa / POW10[scale];
        return negative ? -v : v;
    }

    private static double slow(byte[] b, int from, int to) {
        String s = new String(b, from, to - from, StandardCharsets.US_ASCII);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Double.parseDouble also takes "NaN", "Infinity", hex and a trailing 'd'; farm data means none of those
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
