package io.herdgate.gateway.cli;

import picocli.CommandLine;

/** What the installer commands share: one error line on stderr and a non-zero exit. */
final class Installer {

    private Installer() {
    }

    /** Prints {@code herdgate <command>: <message>} on stderr; returns exit code 1. */
    static int fail(CommandLine.Model.CommandSpec spec, String message) {
        spec.commandLine().getErr().println(spec.qualifiedName(" ") + ": " + message);
        spec.commandLine().getErr().flush();
        return 1;
    }
}
