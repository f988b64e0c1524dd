package io.herdgate.rules.samples;

import java.util.Optional;

/**
 * What is wrong with a sample file, and where.
 *
 * @param file    the file as given
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param column  the column concerned, if any
 * @param message what is wrong and what is allowed
 */
public record CsvProblem(String file, int line, Optional<String> column, String message) {

    public static CsvProblem ofFile(String file, String message) {
        return new CsvProblem(file, 0, Optional.empty(), message);
    }

    public static CsvProblem ofCell(String file, int line, String column, String message) {
        return new CsvProblem(file, line, Optional.of(column), message);
    }

    /** One line for a user: {@code file:line: column ay: message}. */
    public String describe() {
        return file + (line > 0 ? ":" + line : "") + ": " + column.map(c -> "column " + c + ": ").orElse("")
                + message;
    }
}
