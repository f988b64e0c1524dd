package io.herdgate.gateway.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {

    @Test
    void toString_isRedacted() {
        Secret s = Secret.of("EAAsecret");
        assertEquals("Secret[redacted]", s.toString());
        assertFalse(String.valueOf(java.util.List.of(s)).contains("EAAsecret"));
    }

    @Test
    void read_fileReference_stripsTheTrailingNewline(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("token");
        Files.writeString(f, "EAAfromFile\n");
        assertEquals("EAAfromFile", Secret.read("file:" + f, Map.of()).reveal());
        assertEquals("EAAfromFile", Secret.read(f.toString(), Map.of()).reveal());
    }

    @Test
    void read_envReference_readsTheVariable() {
        assertEquals("s3cr3t", Secret.read("env:WA_APP_SECRET", Map.of("WA_APP_SECRET", "s3cr3t")).reveal());
    }

    @Test
    void read_unsetVariable_namesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Secret.read("env:WA_TOKEN", Map.of()));
        assertEquals("environment variable WA_TOKEN is not set", e.getMessage());
    }

    @Test
    void read_missingOrEmptyFile_namesItWithoutContent(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty");
        Files.writeString(empty, "\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Secret.read(empty.toString(), Map.of()))
                .getMessage().endsWith("secret file is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Secret.read(dir.resolve("nope").toString(), Map.of()))
                .getMessage().startsWith(dir.resolve("nope") + ": cannot read secret file"));
    }

    @Test
    void matches_comparesWholeValues() {
        Secret s = Secret.of("verify-me");
        assertTrue(s.matches("verify-me"));
        assertFalse(s.matches("verify-m"));
        assertFalse(s.matches("verify-me!"));
    }
}
