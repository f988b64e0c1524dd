package io.herdgate.rules.replay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The hot-path CSV line parser: splits one line of bytes on commas (no embedded commas; a field wholly
 * in double quotes is unquoted), reads the cow id, the timestamp and the measures into a reused
 * {@link ParsedRow}. It allocates only when the cow changes or a row is bad. One per thread.
 */
final class LineParser {

    private final String file;
    private final CsvLayout layout;
    private final TimestampReader timestamps;
    private final int[] starts;
    private final int[] ends;
    /** Column index to measure ordinal, -1 for columns not read as measures. */
    private final int[] measureAt;
    private final String[] headers;
    private byte[] lastCow = new byte[0];
    private String lastCowText = "";
    private RowProblem problem;

    LineParser(String file, CsvLayout layout, TimestampReader timestamps, String[] headers) {
        this.file = file;
        this.layout = layout;
        this.timestamps = timestamps;
        this.headers = headers.clone();
        this.starts = new int[layout.width()];
        this.ends = new int[layout.width()];
        this.measureAt = new int[layout.width()];
        Arrays.fill(measureAt, -1);
        for (Map.Entry<InputColumn, Integer> e : layout.measures().entrySet()) {
            measureAt[e.getValue()] = e.getKey().ordinal();
        }
    }

    /** The problem of the last {@link #parse} that returned false. */
    RowProblem problem() {
        return problem;
    }

    /**
     * Parses {@code b[from, to)} (without the line end; a trailing CR is ignored).
     *
     * @return true when the row is usable; false with {@link #problem()} set otherwise
     */
    boolean parse(byte[] b, int from, int to, long line, ParsedRow row) {
        if (to > from && b[to - 1] == '\r') {
            to--;
        }
        int width = starts.length;
        int field = 0;
        int start = from;
        while (true) {
            int comma = Bytes.indexOf(b, start, to, (byte) ',');
            int end = comma < 0 ? to : comma;
            if (field < width) {
                starts[field] = start;
                ends[field] = end;
            }
            field++;
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        if (field != width) {
            return fail(line, "row", "has " + field + " fields, the header has " + width);
        }
        for (int f = 0; f < width; f++) {
            if (ends[f] - starts[f] >= 2 && b[starts[f]] == '"' && b[ends[f] - 1] == '"') {
                starts[f]++;
                ends[f]--;
            }
        }
        row.line = line;
        if (!readCow(b, starts[layout.cow()], ends[layout.cow()], row)) {
            return fail(line, "cow", "is empty; every row needs a cow id");
        }
        int ts = layout.timestamp();
        if (!timestamps.read(b, starts[ts], ends[ts])) {
            return fail(line, "timestamp", "'" + text(b, starts[ts], ends[ts])
                    + "' is not ISO-8601 (yyyy-MM-ddTHH:mm[:ss[.fff]] with optional Z or +HH:MM)");
        }
        row.seconds = timestamps.seconds();
        row.nanos = timestamps.nanos();
        double[] measures = row.measures();
        for (int f = 0; f < width; f++) {
            int m = measureAt[f];
            if (m >= 0) {
                double v = Decimals.parse(b, starts[f], ends[f]);
                if (v < 0 || Double.isInfinite(v) || (Double.isNaN(v) && ends[f] > starts[f])) {
                    return fail(line, headers[f], "'" + text(b, starts[f], ends[f])
                            + "' is not a number >= 0 (leave the field empty for no data)");
                }
                measures[m] = v;
            }
        }
        if (layout.raw()) {
            double[] axes = row.axes();
            for (int a = 0; a < 3; a++) {
                int f = layout.axes().get(a);
                double v = Decimals.parse(b, starts[f], ends[f]);
                if (!Double.isFinite(v)) {
                    return fail(line, headers[f], "'" + text(b, starts[f], ends[f]) + "' is not a number");
                }
                axes[a] = v;
            }
        }
        return true;
    }

    private boolean readCow(byte[] b, int from, int to, ParsedRow row) {
        int n = to - from;
        if (n == 0) {
            return false;
        }
        if (n == lastCow.length && Bytes.startsWith(b, from, lastCow)) {
            row.newCow = row.cow != lastCowText;
            row.cow = lastCowText;
            return !lastCowText.isEmpty();
        }
        lastCow = Arrays.copyOfRange(b, from, to);
        lastCowText = new String(lastCow, StandardCharsets.UTF_8).strip();
        row.cow = lastCowText;
        row.newCow = true;
        return !lastCowText.isEmpty();
    }

    private boolean fail(long line, String field, String message) {
        problem = RowProblem.of(file, line, field, message);
        return false;
    }

    private static String text(byte[] b, int from, int to) {
        String s = new String(b, from, Math.min(to - from, 60), StandardCharsets.UTF_8);
        return to - from > 60 ? s + "..." : s;
    }
}
