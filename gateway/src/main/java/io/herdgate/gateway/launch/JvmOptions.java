package io.herdgate.gateway.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options file the package ships, read as {@code /usr/bin/herdgate} reads it ({@code sed} cuts
 * each line at its first {@code #}, the shell splits words): {@code #} starts a comment to the end of the
 * line, options are separated by white space (several on a line are allowed), blank lines are ignored. No
 * quoting: an option cannot contain white space.
 */
public final class JvmOptions {

    private JvmOptions() {
    }

    /** The options in {@code file}, in order; immutable. */
    public static List<String> read(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    /** The options in {@code lines}, in order; immutable. */
    public static List<String> parse(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String text = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (!text.isEmpty()) {
                out.addAll(List.of(text.split("\\s+")));
            }
        }
        return List.copyOf(out);
    }
}
