package io.herdgate.rules.config;

/**
 * One error in a rules file, as a value (a file has all its errors reported, not only the first).
 *
 * @param file    the file name as given
 * @param at      line and column
 * @param path    the dotted field path, e.g. {@code herd.heat.rise_pct}; empty for the document itself
 * @param message the value and what is allowed
 */
public record ConfigProblem(String file, Position at, String path, String message) {

    public static ConfigProblem of(String file, Position at, String path, String message) {
        return new ConfigProblem(file, at, path, message);
    }

    /** {@code rules.yaml:12:5: herd.heat.rise_pct: 250 is outside 20..200 (%)}. */
    @Override
    public String toString() {
        return file + ":" + at + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
