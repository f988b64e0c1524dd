package io.herdgate.gateway.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code herdgate} in-process as {@code Main} does, capturing stdout, stderr and the exit code. */
record Cli(int exit, String out, String err) {

    static Cli run(String... args) {
        CommandLine cl = HerdgateCommand.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /** True when no Java stack trace reached the user. */
    boolean noStackTrace() {
        return !(out + err).contains("\tat ") && !(out + err).contains("Exception in");
    }
}
