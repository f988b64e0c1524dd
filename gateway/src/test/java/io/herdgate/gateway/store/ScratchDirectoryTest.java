package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void delete_nestedDirectory_leavesNothing() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("scratch/a/b"));
        Files.writeString(dir.resolve("x.db"), "x");
        Files.writeString(tmp.resolve("scratch/y.db-wal"), "y");
        Path keep = Files.writeString(tmp.resolve("beside.txt"), "kept");

        ScratchDirectory.delete(tmp.resolve("scratch"));

        assertFalse(Files.exists(tmp.resolve("scratch")));
        assertTrue(Files.exists(keep));
    }

    @Test
    void delete_missingDirectory_throwsNothing() {
        assertDoesNotThrow(() -> ScratchDirectory.delete(tmp.resolve("never-made")));
    }
}
