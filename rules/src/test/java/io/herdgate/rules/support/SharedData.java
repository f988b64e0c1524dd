package io.herdgate.rules.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The cattle data sets beside the repository, found through the system property {@code herdgate.shared}
 * that the build sets. Missing data fail the test when the environment variable {@code CI} is set and skip
 * it with a message otherwise.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The folder {@code data/<relative>} of the shared data sets. */
    public static Path dir(String relative) {
        String shared = System.getProperty("herdgate.shared");
        Path dir = shared == null ? null : Path.of(shared, "data", relative);
        if (dir == null || !Files.isDirectory(dir)) {
            String msg = "data set " + relative + " not found under herdgate.shared=" + shared
                    + " (run through Maven with the shared data beside the repository)";
            if (System.getenv("CI") != null) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
        return dir;
    }
}
