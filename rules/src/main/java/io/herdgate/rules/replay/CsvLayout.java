package io.herdgate.rules.replay;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each known column sits in an input CSV, read from its header row. Columns may come in any
 * order; names are matched exactly after trimming. Unknown columns are kept in {@link #ignored()} so
 * the caller can name them once.
 *
 * @param cow       index of the {@code cow} column
 * @param timestamp index of the {@code timestamp} column
 * @param measures  index of each measure column present
 * @param axes      indexes of {@code ax, ay, az} when all three are present (raw samples), else empty
 * @param ignored   names of the columns replay does not read, in header order
 * @param width     number of columns in the header
 */
public record CsvLayout(int cow, int timestamp, Map<InputColumn, Integer> measures, List<Integer> axes,
                        List<String> ignored, int width) {

    public CsvLayout {
        measures = Map.copyOf(measures);
        axes = List.copyOf(axes);
        ignored = List.copyOf(ignored);
    }

    /** True when the input holds raw accelerometer samples ({@code ax, ay, az}). */
    public boolean raw() {
        return !axes.isEmpty();
    }

    /**
     * Reads a header row.
     *
     * @param file name used in messages
     * @throws InputFormatException naming {@code file:1} when {@code cow} or {@code timestamp} is
     *                              missing, a column is duplicated, only some of {@code ax, ay, az} are
     *                              present, or there is nothing to replay
     */
    public static CsvLayout of(String header, String file) throws InputFormatException {
        String place = file + ":1";
        String[] names = header.strip().split(",", -1);
        int cow = -1;
        int ts = -1;
        Map<InputColumn, Integer> measures = new EnumMap<>(InputColumn.class);
        int[] axis = {-1, -1, -1};
        List<String> ignored = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String name = unquote(names[i].strip());
            if (seen.contains(name)) {
                throw new InputFormatException(place, "column '" + name + "' appears twice in the header");
            }
            seen.add(name);
            switch (name) {
                case "cow" -> cow = i;
                case "timestamp" -> ts = i;
                case "ax" -> axis[0] = i;
                case "ay" -> axis[1] = i;
                case "az" -> axis[2] = i;
                default -> {
                    final int index = i;
                    InputColumn.byHeader(name).ifPresentOrElse(c -> measures.put(c, index),
                            () -> ignored.add(name));
                }
            }
        }
        if (cow < 0 || ts < 0) {
            throw new InputFormatException(place, "the header needs the columns 'cow' and 'timestamp'; found "
                    + String.join(",", seen));
        }
        int axesPresent = (axis[0] >= 0 ? 1 : 0) + (axis[1] >= 0 ? 1 : 0) + (axis[2] >= 0 ? 1 : 0);
        if (axesPresent != 0 && axesPresent != 3) {
            throw new InputFormatException(place, "raw samples need all of ax,ay,az; found " + String.join(",", seen));
        }
        List<Integer> axes = axesPresent == 3 ? List.of(axis[0], axis[1], axis[2]) : List.of();
        if (axesPresent == 3) {
            // raw samples are turned into measures by the feature extractor; measure columns beside them are not read
            measures.keySet().forEach(c -> ignored.add(c.header()));
            measures.clear();
        } else if (measures.isEmpty()) {
            throw new InputFormatException(place, "no measure column; expected any of " + knownMeasures()
                    + " or ax,ay,az; found " + String.join(",", seen));
        }
        return new CsvLayout(cow, ts, measures, axes, ignored, names.length);
    }

    private static String knownMeasures() {
        List<String> names = new ArrayList<>();
        for (InputColumn c : InputColumn.values()) {
            names.add(c.header());
        }
        return String.join(",", names);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
