package io.herdgate.rules.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The datasets' plain CSV: one header row, comma-separated, no quoting, empty field = no value.
 * Timestamps are local wall-clock time without offset; they are read as if UTC, so the engine must run
 * with zone UTC to see the farm's clock hours.
 */
final class Csv {

    /** One data row with access by column name; errors name file, line and column. */
    record Row(Path file, int line, List<String> header, String[] fields) {

        String text(String column) {
            int i = header.indexOf(column);
            if (i < 0) {
                throw new DataFormatException(file, 1, "missing column '" + column + "'; columns: " + header);
            }
            return i < fields.length ? fields[i] : "";
        }

        /** The number in {@code column}, NaN when empty. */
        double number(String column) {
            String t = text(column);
            if (t.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new DataFormatException(file, line, column + " '" + t + "' is not a number");
            }
        }

        Instant time(String column) {
            String t = text(column);
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new DataFormatException(file, line,
                        column + " '" + t + "' is not an ISO-8601 local time like 2019-01-28T00:00:00");
            }
        }
    }

    private Csv() {
    }

    static List<Row> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, 0, "file not found");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String head = r.readLine();
            if (head == null) {
                throw new DataFormatException(file, 1, "empty file, expected a header row");
            }
            List<String> header = List.of(head.split(",", -1));
            List<Row> rows = new ArrayList<>();
            int line = 1;
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                if (!s.isEmpty()) {
                    String[] f = s.split(",", -1);
                    if (f.length != header.size()) {
                        throw new DataFormatException(file, line, f.length + " fields, expected " + header.size()
                                + " " + header);
                    }
                    rows.add(new Row(file, line, header, Arrays.copyOf(f, f.length)));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new DataFormatException(file, 0, "cannot read: " + e.getMessage());
        }
    }
}
