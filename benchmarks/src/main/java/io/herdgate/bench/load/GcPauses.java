package io.herdgate.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stop-the-world pauses of a JVM's unified GC log ({@code -Xlog:gc:file=<f>:time}): each line
 * {@code [<ISO time>] GC(n) Pause Young|Full ... <ms>ms} is a pause that ended at the line's time.
 */
record GcPauses(List<Pause> pauses) {

    private static final Pattern PAUSE = Pattern.compile(
            "^\\[([^]]+)].*GC\\(\\d+\\) Pause (Young|Full)\\b.* (\\d+(?:\\.\\d+)?)ms$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** One pause: {@code kind} Young or Full, from {@code start} for {@code ms} milliseconds. */
    record Pause(String kind, Instant start, double ms) {
        Instant end() {
            return start.plusNanos((long) (ms * 1e6));
        }
    }

    GcPauses {
        pauses = List.copyOf(pauses);
    }

    /** The pauses in {@code log}; none when it does not exist. */
    static GcPauses read(Path log) throws IOException {
        List<Pause> found = new ArrayList<>();
        if (Files.isRegularFile(log)) {
            for (String line : Files.readAllLines(log)) {
                Matcher m = PAUSE.matcher(line);
                if (m.find()) {
                    Instant end = OffsetDateTime.parse(m.group(1), TIME).toInstant();
                    double ms = Double.parseDouble(m.group(3));
                    found.add(new Pause(m.group(2), end.minusNanos((long) (ms * 1e6)), ms));
                }
            }
        }
        return new GcPauses(found);
    }

    /** The pauses that overlap {@code [from, to]}. */
    List<Pause> within(Instant from, Instant to) {
        return pauses.stream().filter(p -> p.end().isAfter(from) && p.start().isBefore(to)).toList();
    }
}
