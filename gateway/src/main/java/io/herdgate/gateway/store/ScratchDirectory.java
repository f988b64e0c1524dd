package io.herdgate.gateway.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.tinylog.Logger;

/**
 * Deletes a directory of gateway state that must not outlive its run (the demo's data directory, the alarm
 * rehearsal's scratch database) with everything in it.
 */
public final class ScratchDirectory {

    private ScratchDirectory() {
    }

    /**
     * Deletes {@code dir} and everything below it, deepest first. What cannot be deleted is logged as a warning
     * naming the file and left; the rest is still deleted. Nothing is thrown: a few kB left in a temporary
     * directory must not fail the run that made them.
     */
    public static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    Logger.warn("cannot delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            Logger.warn("cannot delete {}: {}", dir, e.toString());
        }
    }
}
