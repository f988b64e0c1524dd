package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhoneCommandTest {

    @Test
    void phone_withSecretFiles_servesUntilItsTimeIsUp(@TempDir Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "EAAtoken\n");
        Path secret = Files.writeString(dir.resolve("secret"), "app-secret\n");

        Cli r = Cli.run("phone", "--port", "0", "--token", "file:" + token, "--app-secret", "file:" + secret, "--for", "1s");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("farmer's phone: http://127.0.0.1:"), r.out());
        assertTrue(!r.out().contains("EAAtoken") && !r.out().contains("app-secret"), r.out());
    }

    @Test
    void phone_tokenVariableUnset_failsWithOneLineNamingIt() {
        Cli r = Cli.run("phone", "--port", "0", "--token", "env:HERDGATE_TEST_SURELY_UNSET", "--for", "1s");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("environment variable HERDGATE_TEST_SURELY_UNSET is not set"), r.err());
        assertTrue(r.noStackTrace(), r.err());
    }

    @Test
    void phone_badPhoneNumberId_namesTheRule(@TempDir Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "EAAtoken\n");
        Cli r = Cli.run("phone", "--phone-number-id", "12ab", "--token", token.toString(), "--app-secret", token.toString());

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("phone-number id must be 1-32 digits: '12ab'"), r.err());
    }
}
