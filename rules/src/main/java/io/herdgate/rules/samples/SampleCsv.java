package io.herdgate.rules.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a comma-separated UTF-8 file whose first line is a header containing the columns {@code ax},
 * {@code ay} and {@code az} (case-insensitive, any order, other columns ignored) and whose rows are
 * evenly spaced samples. Blank lines are skipped. A row with a missing or non-numeric value stops the
 * file: evenly spaced timing cannot be kept across a hole, so the caller decides what to do next.
 */
public final class SampleCsv {

    /** Columns every file must have. */
    public static final List<String> COLUMNS = List.of("ax", "ay", "az");

    private SampleCsv() {
    }

    /** Streams the samples of {@code file} into {@code sink}; never throws for bad input. */
    public static CsvOutcome read(Path file, SampleSink sink) {
        String name = file.toString();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                return new CsvOutcome.Unreadable(CsvProblem.ofFile(name, "empty file, expected a header with "
                        + String.join(",", COLUMNS)));
            }
            List<String> found = new ArrayList<>();
            for (String h : header.split(",", -1)) {
                found.add(h.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT));
            }
            int[] idx = new int[COLUMNS.size()];
            List<String> missing = new ArrayList<>();
            for (int c = 0; c < idx.length; c++) {
                idx[c] = found.indexOf(COLUMNS.get(c));
                if (idx[c] < 0) {
                    missing.add(COLUMNS.get(c));
                }
            }
            if (!missing.isEmpty()) {
                return new CsvOutcome.Unreadable(CsvProblem.ofFile(name, "missing column(s) "
                        + String.join(", ", missing) + "; found: " + String.join(", ", found)));
            }
            return rows(r, name, idx, sink);
        } catch (NoSuchFileException e) {
            return new CsvOutcome.Unreadable(CsvProblem.ofFile(name, "no such file"));
        } catch (MalformedInputException e) {
            return new CsvOutcome.Unreadable(CsvProblem.ofFile(name, "not UTF-8 text"));
        } catch (IOException e) {
            return new CsvOutcome.Unreadable(CsvProblem.ofFile(name, "cannot read: " + e.getMessage()));
        }
    }

    private static CsvOutcome rows(BufferedReader r, String name, int[] idx, SampleSink sink) throws IOException {
        long samples = 0;
        int lineNo = 1;
        double[] v = new double[idx.length];
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            for (int c = 0; c < idx.length; c++) {
                String cell = idx[c] < cells.length ? cells[idx[c]].strip() : "";
                try {
                    v[c] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    v[c] = Double.NaN;
                }
                if (!Double.isFinite(v[c])) {
                    return new CsvOutcome.Stopped(samples, CsvProblem.ofCell(name, lineNo, COLUMNS.get(c),
                            (cell.isEmpty() ? "missing value" : "'" + cell + "' is not a number")
                                    + ", expected a finite decimal number such as -9.81"));
                }
            }
            sink.accept(v[0], v[1], v[2]);
            samples++;
        }
        return new CsvOutcome.Complete(samples);
    }
}
