package io.herdgate.rules.replay;

/**
 * A row that could not be used, as a value (bad rows are expected in farm exports).
 *
 * @param file    the input file name as given
 * @param line    1-based line number
 * @param field   the column at fault ({@code row} for the row as a whole)
 * @param message what is wrong and what is allowed
 */
public record RowProblem(String file, long line, String field, String message) {

    public static RowProblem of(String file, long line, String field, String message) {
        return new RowProblem(file, line, field, message);
    }

    /** {@code input.csv:1234: timestamp: 'x' is not ISO-8601 ...}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + field + ": " + message;
    }
}
