package io.herdgate.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options the package ships ({@code deploy/src/deb/share/jvm.options}, installed as
 * {@code /usr/share/herdgate/jvm.options} and read by {@code /usr/bin/herdgate}), so the harness measures
 * the gateway as it runs on a Pi: one option per line, {@code #} starts a comment.
 */
final class PackagedJvm {

    /** Where the options file is, relative to the repository root (the harness's working directory). */
    static final Path OPTIONS = Path.of("deploy/src/deb/share/jvm.options");

    private PackagedJvm() {
    }

    /** The options of {@code file} in order, comments and blank lines left out. */
    static List<String> options(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            int hash = line.indexOf('#');
            String option = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (!option.isEmpty()) {
                out.addAll(List.of(option.split("\\s+")));
            }
        }
        return List.copyOf(out);
    }
}
