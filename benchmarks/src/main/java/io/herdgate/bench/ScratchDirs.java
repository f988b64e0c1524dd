package io.herdgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The scratch folders benchmarks keep their SQLite files in. */
final class ScratchDirs {

    private ScratchDirs() {
    }

    /** Deletes {@code dir} and the files directly in it (a database and its WAL side files). */
    static void delete(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
