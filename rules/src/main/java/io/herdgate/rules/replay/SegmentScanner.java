package io.herdgate.rules.replay;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A quick first pass over the data lines that only looks at the cow field: it finds the runs of
 * lines of the same cow, so the replay can read each cow's rows with its own cursor, merge them in
 * time order and spread cows over threads. Stops counting runs past a limit (input not grouped by
 * cow), since then runs are no use.
 */
final class SegmentScanner {

    private SegmentScanner() {
    }

    /** The runs, or empty with {@code grouped == false} when there were more than {@code maxSegments}. */
    record Scan(List<Segment> segments, boolean grouped) {
    }

    /**
     * @param dataStart byte offset of the first data line (after the header)
     * @param cowColumn index of the cow column
     */
    static Scan scan(FileChannel channel, long dataStart, int cowColumn, int maxSegments) throws IOException {
        List<Segment> segments = new ArrayList<>();
        long[] offset = {dataStart};
        byte[][] lastCow = {null};
        long[] runFrom = {dataStart};
        long[] runLine = {2};
        boolean[] overflow = {false};
        LineReader.read(channel, dataStart, Long.MAX_VALUE, (b, from, to, index) -> {
            int end = to > from && b[to - 1] == '\r' ? to - 1 : to;
            if (end == from) {
                offset[0] += (to - from) + 1; // blank line: belongs to no cow, the cursors skip it too
                return true;
            }
            int fs = from;
            int col = 0;
            int i = from;
            for (; i < end && col <= cowColumn; i++) {
                if (b[i] == ',') {
                    if (col == cowColumn) {
                        break;
                    }
                    col++;
                    fs = i + 1;
                }
            }
            int fe = col == cowColumn ? i : fs;
            long lineStart = offset[0];
            if (lastCow[0] == null || fe - fs != lastCow[0].length || !Bytes.startsWith(b, fs, lastCow[0])) {
                if (lastCow[0] != null) {
                    if (segments.size() >= maxSegments) {
                        overflow[0] = true;
                        return false;
                    }
                    segments.add(new Segment(text(lastCow[0]), runFrom[0], lineStart, runLine[0]));
                }
                lastCow[0] = Arrays.copyOfRange(b, fs, fe);
                runFrom[0] = lineStart;
                runLine[0] = index + 2;
            }
            offset[0] = lineStart + (to - from) + 1;
            return true;
        });
        if (overflow[0]) {
            return new Scan(List.of(), false);
        }
        if (lastCow[0] != null) {
            segments.add(new Segment(text(lastCow[0]), runFrom[0], Math.min(offset[0], channel.size()), runLine[0]));
        }
        return new Scan(List.copyOf(segments), true);
    }

    private static String text(byte[] cow) {
        String s = new String(cow, StandardCharsets.UTF_8).strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
