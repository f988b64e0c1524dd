package io.herdgate.rules.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Streams the lines of a byte range of a file through a reused buffer (positional reads, so several
 * readers can share one channel). Memory stays at the buffer size whatever the file size.
 */
final class LineReader {

    /** Receives each line as {@code b[from, to)} without its {@code \n}. */
    interface Lines {
        /** @return false to stop reading */
        boolean line(byte[] b, int from, int to, long lineIndex);
    }

    private static final int BUFFER = 1 << 20;

    private LineReader() {
    }

    /**
     * Calls {@code lines} for every line that starts in {@code [from, to)}; {@code from} must be a line
     * start. Line indexes count from 0 within the range.
     *
     * @return the number of lines read (fewer when {@code lines} stopped early)
     */
    static long read(FileChannel channel, long from, long to, Lines lines) throws IOException {
        byte[] buf = new byte[BUFFER];
        int filled = 0;
        long pos = from;
        long index = 0;
        long end = channel.size();
        while (true) {
            if (filled == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
            }
            int n = pos < end ? channel.read(ByteBuffer.wrap(buf, filled, buf.length - filled), pos) : -1;
            boolean eof = n < 0;
            if (!eof) {
                pos += n;
                filled += n;
            }
            int start = 0;
            long lineStartOffset = pos - filled;
            int nl;
            while ((nl = Bytes.indexOf(buf, start, filled, (byte) '\n')) >= 0) {
                if (lineStartOffset + start >= to) {
                    return index;
                }
                if (!lines.line(buf, start, nl, index++)) {
                    return index;
                }
                start = nl + 1;
            }
            if (eof) {
                if (start < filled && lineStartOffset + start < to) {
                    lines.line(buf, start, filled, index++); // last line without \n
                }
                return index;
            }
            System.arraycopy(buf, start, buf, 0, filled - start);
            filled -= start;
        }
    }
}
