package io.herdgate.rules.config;

/**
 * A place in a rules file: 1-based line and column.
 */
public record Position(int line, int column) {

    public static Position of(int line, int column) {
        return new Position(line, column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
