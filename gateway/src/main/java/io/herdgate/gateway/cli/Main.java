package io.herdgate.gateway.cli;

import picocli.CommandLine;

/** Process entry point of {@code herdgate.jar}; the only place that calls {@link System#exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(HerdgateCommand.commandLine(args).execute(args));
    }
}
