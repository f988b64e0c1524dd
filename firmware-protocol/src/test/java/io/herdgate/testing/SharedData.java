package io.herdgate.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The public cattle datasets beside the repository, found through the system property
 * {@code herdgate.shared} that the build sets ({@code <repo>/../shared}). They are read at test time and
 * never copied into the repository. Missing data fail the test when the environment variable {@code CI}
 * is set, and skip it with a message otherwise. Shared with the other modules through the test jar.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The data folder itself (holding {@code heat/}, {@code calving/}, {@code minute/}, {@code behaviour/}). */
    public static Path dataDir() {
        return dir("heat").getParent();
    }

    /** The folder {@code data/<relative>}. */
    public static Path dir(String relative) {
        Path p = resolve(relative);
        if (!Files.isDirectory(p)) {
            missing(relative, p);
        }
        return p;
    }

    /** The readable file {@code data/<relative>}. */
    public static Path file(String relative) {
        Path p = resolve(relative);
        if (!Files.isReadable(p) || Files.isDirectory(p)) {
            missing(relative, p);
        }
        return p;
    }

    private static Path resolve(String relative) {
        String shared = System.getProperty("herdgate.shared");
        return shared == null ? Path.of("..", "shared", "data", relative) : Path.of(shared, "data", relative);
    }

    private static void missing(String relative, Path p) {
        String msg = "dataset " + relative + " not found at " + p.toAbsolutePath().normalize()
                + " (system property herdgate.shared=" + System.getProperty("herdgate.shared")
                + "; run through Maven with the shared data beside the repository)";
        if (System.getenv("CI") != null) {
            fail(msg);
        }
        Assumptions.abort(msg);
    }
}
