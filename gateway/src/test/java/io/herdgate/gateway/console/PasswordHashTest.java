package io.herdgate.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {

    @TempDir
    Path dir;

    @Test
    void verify_acceptsOnlyThePasswordThatWasHashed() {
        PasswordHash hash = PasswordHash.create("correct horse".toCharArray(), 20_000);

        assertTrue(hash.verify("correct horse".toCharArray()));
        assertFalse(hash.verify("correct horsE".toCharArray()));
        assertFalse(hash.verify(new char[0]));
    }

    @Test
    void encoded_roundTripsAndNamesSchemeAndIterations() {
        PasswordHash hash = PasswordHash.create("correct horse".toCharArray(), 20_000);

        String text = hash.encoded();
        PasswordHash back = PasswordHash.parse(text);

        assertTrue(text.startsWith("pbkdf2-sha256$20000$"), text);
        assertEquals(hash, back);
        assertTrue(back.verify("correct horse".toCharArray()));
    }

    @Test
    void samePassword_getsADifferentSaltEachTime() {
        assertNotEquals(PasswordHash.create("correct horse".toCharArray(), 20_000).encoded(),
                PasswordHash.create("correct horse".toCharArray(), 20_000).encoded());
    }

    @Test
    void create_shortPassword_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.create("short".toCharArray()));

        assertEquals("the console password needs at least 8 characters", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plaintext", "md5$1$abc$def", "pbkdf2-sha256$x$AAAAAAAAAAA=$AAAA",
            "pbkdf2-sha256$100$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="})
    void parse_notAUsableHash_isRefusedNamingTheExpectedForm(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(text));

        assertTrue(e.getMessage().contains("pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>"), e.getMessage());
    }

    @Test
    void passwordFile_isWrittenOwnerOnlyAndReadBack() throws Exception {
        Path file = PasswordFile.in(dir);
        assertEquals(Optional.empty(), PasswordFile.read(file));
        PasswordHash hash = PasswordHash.create("correct horse".toCharArray(), 20_000);

        PasswordFile.write(file, hash);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Optional.of(hash), PasswordFile.read(file));
    }

    @Test
    void passwordFile_damaged_failsNamingTheFile() throws Exception {
        Path file = PasswordFile.in(dir);
        Files.writeString(file, "garbage");

        ConsoleConfigException e = assertThrows(ConsoleConfigException.class, () -> PasswordFile.read(file));

        assertTrue(e.getMessage().startsWith(file + ": not a console password hash"), e.getMessage());
    }
}
