package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The public datasets under {@code <herdgate.shared>/data}; missing data fails under CI, skips otherwise. */
final class SharedData {

    private SharedData() {
    }

    static Path file(String relative) {
        String root = System.getProperty("herdgate.shared");
        Path p = root == null ? null : Path.of(root, "data", relative);
        if (p == null || !Files.isReadable(p)) {
            String why = "dataset " + relative + " not found under system property herdgate.shared=" + root;
            if (System.getenv("CI") != null) {
                fail(why + " (required when CI is set)");
            }
            assumeTrue(false, why + "; skipped");
        }
        return p;
    }
}
