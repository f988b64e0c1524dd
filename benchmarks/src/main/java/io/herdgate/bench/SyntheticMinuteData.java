package io.herdgate.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a synthetic per-minute replay input, grouped by cow: {@code cow,timestamp,activity,lying_min,
 * steps,motion_index}, {@code cows} cows ({@code c0001}...) times {@code days} days from 2025-01-01,
 * about 38 bytes per row. Values follow a day/night rhythm with noise (seeded, so the file is the same
 * every time); they exercise the parser and the detectors, not any detector's accuracy.
 */
public final class SyntheticMinuteData {

    private SyntheticMinuteData() {
    }

    /** @return the number of data rows written */
    public static long write(Path file, int cows, int days, long seed) throws IOException {
        byte[][] clock = new byte[1440][];
        for (int m = 0; m < 1440; m++) {
            clock[m] = String.format("T%02d:%02d:00,", m / 60, m % 60).getBytes(StandardCharsets.US_ASCII);
        }
        byte[][] dates = new byte[days][];
        for (int d = 0; d < days; d++) {
            dates[d] = LocalDate.of(2025, 1, 1).plusDays(d).toString().getBytes(StandardCharsets.US_ASCII);
        }
        long rows = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write("cow,timestamp,activity,lying_min,steps,motion_index\n".getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[128];
            for (int c = 1; c <= cows; c++) {
                SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + c);
                byte[] cow = String.format("c%04d,", c).getBytes(StandardCharsets.US_ASCII);
                for (int d = 0; d < days; d++) {
                    for (int m = 0; m < 1440; m++) {
                        boolean night = m < 300 || m > 1320;
                        boolean lying = rnd.nextInt(100) < (night ? 80 : 40);
                        int activity = lying ? rnd.nextInt(3) : 2 + rnd.nextInt(night ? 6 : 14);
                        int steps = lying ? 0 : rnd.nextInt(night ? 4 : 12);
                        int motion = lying ? rnd.nextInt(2) : 3 + rnd.nextInt(30);
                        int n = 0;
                        n = put(line, n, cow);
                        n = put(line, n, dates[d]);
                        n = put(line, n, clock[m]);
                        n = putInt(line, n, activity);
                        line[n++] = ',';
                        line[n++] = (byte) (lying ? '1' : '0');
                        line[n++] = ',';
                        n = putInt(line, n, steps);
                        line[n++] = ',';
                        n = putInt(line, n, motion);
                        line[n++] = '\n';
                        out.write(line, 0, n);
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    private static int put(byte[] dst, int at, byte[] src) {
        System.arraycopy(src, 0, dst, at, src.length);
        return at + src.length;
    }

    private static int putInt(byte[] dst, int at, int v) {
        if (v >= 10) {
            at = putInt(dst, at, v / 10);
        }
        dst[at] = (byte) ('0' + v % 10);
        return at + 1;
    }
}
