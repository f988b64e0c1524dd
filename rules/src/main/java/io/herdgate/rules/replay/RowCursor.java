package io.herdgate.rules.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Pulls the good rows of one byte range of the input one at a time (so several ranges can be merged
 * in time order), reporting bad rows to the {@link ProblemLog} and skipping them.
 */
final class RowCursor {

    private final FileChannel channel;
    private final long end;
    private final LineParser parser;
    private final ProblemLog problems;
    private final ParsedRow row = new ParsedRow();
    private byte[] buf;
    private int pos;
    private int limit;
    private long fileOffset;
    private long nextLine;
    private boolean eof;
    private long lines;

    RowCursor(FileChannel channel, long from, long to, long firstLine, LineParser parser, ProblemLog problems,
              int bufferSize) {
        this.channel = channel;
        this.end = to;
        this.parser = parser;
        this.problems = problems;
        this.buf = new byte[bufferSize];
        this.fileOffset = from;
        this.nextLine = firstLine;
    }

    /** Non-blank lines read so far. */
    long lines() {
        return lines;
    }

    /** The current row (valid after {@link #advance()} returned true). */
    ParsedRow row() {
        return row;
    }

    /** Moves to the next good row; false at the end of the range or when the replay must stop. */
    boolean advance() throws IOException {
        while (true) {
            int nl = Bytes.indexOf(buf, pos, limit, (byte) '\n');
            if (nl < 0) {
                if (!eof) {
                    fill();
                    continue;
                }
                if (pos >= limit) {
                    return false;
                }
                nl = limit; // last line without a line end
            }
            int from = pos;
            pos = nl < limit ? nl + 1 : limit;
            long line = nextLine++;
            if (nl == from || (nl == from + 1 && buf[from] == '\r')) {
                continue; // blank line
            }
            lines++;
            if (parser.parse(buf, from, nl, line, row)) {
                return true;
            }
            if (!problems.report(parser.problem())) {
                return false;
            }
        }
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
        }
        int want = (int) Math.min(buf.length - limit, end - fileOffset);
        if (want <= 0) {
            eof = true;
            return;
        }
        int n = channel.read(ByteBuffer.wrap(buf, limit, want), fileOffset);
        if (n < 0) {
            eof = true;
            return;
        }
        fileOffset += n;
        limit += n;
    }
}
