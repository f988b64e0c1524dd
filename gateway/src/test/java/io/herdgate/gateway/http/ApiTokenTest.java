package io.herdgate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenTest {

    @TempDir
    Path dir;

    @Test
    void loadOrCreate_firstStart_createsAnOwnerOnlyFileAndReusesItAfterwards() throws Exception {
        Path dataDir = dir.resolve("data");

        ApiToken first = ApiToken.loadOrCreate(dataDir);
        ApiToken second = ApiToken.loadOrCreate(dataDir);

        Path file = dataDir.resolve("api-token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first.reveal(), second.reveal());
        assertEquals(43, first.reveal().length());
        assertEquals(first.reveal(), Files.readString(file).strip());
        try (var files = Files.list(dataDir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void loadOrCreate_fileReadableByOthers_isNarrowedTo0600() throws Exception {
        Path file = dir.resolve("api-token");
        Files.writeString(file, "abcdefghijklmnopqrstuvwxyz\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        ApiToken token = ApiToken.loadOrCreate(dir);

        assertEquals("abcdefghijklmnopqrstuvwxyz", token.reveal());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void read_missingFile_failsNamingTheFileAndWhatToDo() {
        Path file = dir.resolve("api-token");

        ApiTokenException e = assertThrows(ApiTokenException.class, () -> ApiToken.read(file));

        assertEquals(file + ": no API token; the gateway creates it at its first start", e.getMessage());
    }

    @Test
    void read_garbage_failsWithoutEchoingTheContent() throws Exception {
        Path file = dir.resolve("api-token");
        Files.writeString(file, "not a token!");

        ApiTokenException e = assertThrows(ApiTokenException.class, () -> ApiToken.read(file));

        assertTrue(e.getMessage().startsWith(file + ": not an API token"), e.getMessage());
        assertFalse(e.getMessage().contains("not a token!"));
    }

    @Test
    void matches_onlyTheExactToken() {
        ApiToken token = ApiToken.of("abcdefghijklmnopqrstuvwxyz");

        assertTrue(token.matches("abcdefghijklmnopqrstuvwxyz"));
        assertFalse(token.matches("abcdefghijklmnopqrstuvwxyZ"));
        assertFalse(token.matches("abcdefghijklmnopqrstuvwxy"));
        assertFalse(token.matches(""));
        assertFalse(token.matches(null));
    }

    @Test
    void toString_isRedacted() {
        ApiToken token = ApiToken.random();

        assertEquals("ApiToken[redacted]", token.toString());
        assertFalse(token.toString().contains(token.reveal()));
    }

    @Test
    void random_tokensDiffer() {
        assertNotEquals(ApiToken.random().reveal(), ApiToken.random().reveal());
    }
}
