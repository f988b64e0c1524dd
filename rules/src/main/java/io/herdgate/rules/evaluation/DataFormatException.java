package io.herdgate.rules.evaluation;

import java.nio.file.Path;

/** A dataset file is missing or malformed; the message names file, line and field. */
public final class DataFormatException extends RuntimeException {

    public DataFormatException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
