package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.console.PasswordFile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsolePasswdCommandTest {

    @TempDir
    Path dataDir;

    private Cli withStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return Cli.run(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void passwd_fromStdin_writesAHashThatVerifiesAndNotThePassword() throws Exception {
        Cli cli = withStdin("milking at five\n", "console", "passwd", "--data-dir", dataDir.toString(),
                "--password-stdin");

        assertEquals(0, cli.exit(), cli.err());
        Path file = dataDir.resolve("console-password");
        assertTrue(cli.out().startsWith("console password set in " + file), cli.out());
        String stored = Files.readString(file);
        assertFalse(stored.contains("milking"));
        assertTrue(PasswordFile.read(file).orElseThrow().verify("milking at five".toCharArray()));
    }

    @Test
    void passwd_tooShort_failsWithOneLineAndWritesNothing() {
        Cli cli = withStdin("cow\n", "console", "passwd", "--data-dir", dataDir.toString(), "--password-stdin");

        assertEquals(1, cli.exit());
        assertEquals("herdgate console passwd: the password needs at least 8 characters", cli.err().strip());
        assertFalse(Files.exists(dataDir.resolve("console-password")));
        assertTrue(cli.noStackTrace());
    }

    @Test
    void passwd_withoutTerminalOrStdinOption_saysWhatToUse() {
        Cli cli = Cli.run("console", "passwd", "--data-dir", dataDir.toString());

        assertEquals(1, cli.exit());
        assertEquals("herdgate console passwd: no terminal to ask the password on; use --password-stdin",
                cli.err().strip());
    }
}
