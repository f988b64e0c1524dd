package io.herdgate.gateway.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** The root {@code herdgate} command; it only lists the subcommands. */
@Command(name = "herdgate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Livestock collar alarm gateway.",
        subcommands = {
                CommandLine.HelpCommand.class,
                AlarmsCommand.class,
                AckCommand.class,
                SilenceCommand.class,
                DemoCommand.class,
                DecodeCommand.class,
                EvaluateCommand.class,
                ClassifyCommand.class,
                RulesCommand.class,
                ConfigCommand.class,
                RunCommand.class,
                ReplayCommand.class,
                SimulateCommand.class,
                ConsoleCommand.class,
                HealthCommand.class,
                PairCommand.class,
                UnpairCommand.class,
                CollarsCommand.class,
                PairingCommand.class,
                FlashCommand.class,
                SmsTestCommand.class,
                PhoneCommand.class,
        })
public final class HerdgateCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * A command line with the project's error handling: a bad argument prints the usage error and the
     * allowed values, an unexpected failure prints one line (no stack trace) and exits 1.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new HerdgateCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("herdgate " + commandLine.getCommandName() + ": " + describe(ex));
            err.flush();
            return 1;
        });
        return cl;
    }

    private static String describe(Throwable ex) {
        String msg = ex.getMessage();
        return msg == null || msg.isBlank() ? ex.getClass().getSimpleName() : msg;
    }
}
