package io.herdgate.rules.replay;

import io.herdgate.rules.config.GroupName;
import io.herdgate.rules.series.CowId;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the herd CSV: a header with {@code cow} and any of {@code group}, {@code calving_date},
 * {@code breeding_date} (dates {@code yyyy-MM-dd}; empty fields allowed). Bad lines are reported and
 * skipped; a cow listed twice keeps her first line.
 */
public final class HerdCsv {

    private static final List<String> COLUMNS = List.of("cow", "group", "calving_date", "breeding_date");

    private HerdCsv() {
    }

    /** The herd read and the problems of the lines that were skipped. */
    public record Read(Herd herd, List<RowProblem> problems) {
        public Read {
            problems = List.copyOf(problems);
        }
    }

    /**
     * @throws InputFormatException when the file cannot be read or its header lacks {@code cow}
     */
    public static Read read(Path file) throws InputFormatException {
        String name = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new InputFormatException(name + ":1", "the herd file is empty; expected a header with "
                        + String.join(",", COLUMNS));
            }
            Map<String, Integer> at = new HashMap<>();
            String[] names = header.strip().split(",", -1);
            for (int i = 0; i < names.length; i++) {
                at.putIfAbsent(names[i].strip(), i);
            }
            if (!at.containsKey("cow")) {
                throw new InputFormatException(name + ":1", "the herd header needs 'cow' (and any of group,"
                        + " calving_date, breeding_date); found " + header.strip());
            }
            Map<CowId, HerdRecord> cows = new LinkedHashMap<>();
            List<RowProblem> problems = new ArrayList<>();
            String line;
            long n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != names.length) {
                    problems.add(RowProblem.of(name, n, "row", "has " + f.length + " fields, the header has " + names.length));
                    continue;
                }
                Optional<HerdRecord> r = parse(f, at, name, n, problems);
                if (r.isPresent() && cows.putIfAbsent(r.get().cow(), r.get()) != null) {
                    problems.add(RowProblem.of(name, n, "cow", "'" + r.get().cow() + "' is listed twice; the first line is used"));
                }
            }
            return new Read(Herd.of(cows), problems);
        } catch (IOException e) {
            throw new InputFormatException(name, "cannot be read: " + e.getMessage());
        }
    }

    private static Optional<HerdRecord> parse(String[] f, Map<String, Integer> at, String file, long line,
                                              List<RowProblem> problems) {
        String cowText = field(f, at, "cow");
        CowId cow;
        try {
            cow = CowId.of(cowText);
        } catch (IllegalArgumentException e) {
            problems.add(RowProblem.of(file, line, "cow", "'" + cowText + "' is not a cow id (1..64 characters)"));
            return Optional.empty();
        }
        String g = field(f, at, "group");
        Optional<GroupName> group = Optional.empty();
        if (!g.isEmpty()) {
            if (!GroupName.isValid(g)) {
                problems.add(RowProblem.of(file, line, "group", "'" + g + "' is not a group name; allowed: 1..64 letters, digits, '_' or '-'"));
                return Optional.empty();
            }
            group = Optional.of(GroupName.of(g));
        }
        Optional<LocalDate> calving;
        Optional<LocalDate> breeding;
        try {
            calving = date(field(f, at, "calving_date"));
        } catch (DateTimeParseException e) {
            problems.add(RowProblem.of(file, line, "calving_date", "'" + field(f, at, "calving_date") + "' is not a date yyyy-MM-dd"));
            return Optional.empty();
        }
        try {
            breeding = date(field(f, at, "breeding_date"));
        } catch (DateTimeParseException e) {
            problems.add(RowProblem.of(file, line, "breeding_date", "'" + field(f, at, "breeding_date") + "' is not a date yyyy-MM-dd"));
            return Optional.empty();
        }
        return Optional.of(HerdRecord.of(cow, group, calving, breeding));
    }

    private static String field(String[] f, Map<String, Integer> at, String column) {
        Integer i = at.get(column);
        return i == null ? "" : f[i].strip();
    }

    private static Optional<LocalDate> date(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
    }
}
