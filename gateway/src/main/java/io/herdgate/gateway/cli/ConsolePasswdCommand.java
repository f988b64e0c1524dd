package io.herdgate.gateway.cli;

import io.herdgate.gateway.console.PasswordFile;
import io.herdgate.gateway.console.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herdgate console passwd}: sets the console password, stored as a PBKDF2 hash in
 * {@code <data-dir>/console-password} (0600). The running gateway uses it from the next login on.
 */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = "Set the web console password (asked twice on the terminal, or one line from stdin).")
public final class ConsolePasswdCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:HERDGATE_DATA_DIR:-/var/lib/herdgate}",
            description = "The gateway's data directory (default ${DEFAULT-VALUE}; env HERDGATE_DATA_DIR).")
    Path dataDir;

    @Option(names = "--password-stdin",
            description = "Read the password from the first line of stdin instead of the terminal (for scripts).")
    boolean fromStdin;

    @Override
    public Integer call() throws IOException {
        char[] password = fromStdin ? firstLineOfStdin() : askTwice();
        if (password == null) {
            return 1;
        }
        try {
            if (password.length < PasswordHash.MIN_PASSWORD_LENGTH) {
                return fail("the password needs at least " + PasswordHash.MIN_PASSWORD_LENGTH + " characters");
            }
            Path file = PasswordFile.in(dataDir);
            PasswordFile.write(file, PasswordHash.create(password));
            spec.commandLine().getOut().println("console password set in " + file + "; it applies from the next login");
            spec.commandLine().getOut().flush();
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] firstLineOfStdin() throws IOException {
        // Not closed: it wraps System.in.
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            fail("no password on stdin");
            return null;
        }
        return line.toCharArray();
    }

    private char[] askTwice() {
        Console console = System.console();
        if (console == null) {
            fail("no terminal to ask the password on; use --password-stdin");
            return null;
        }
        char[] first = console.readPassword("New console password: ");
        char[] second = console.readPassword("Again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            fail("the two passwords differ; nothing changed");
            return null;
        }
        Arrays.fill(second, '\0');
        return first;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("herdgate console passwd: " + message);
        spec.commandLine().getErr().flush();
        return 1;
    }
}
