package io.herdgate.gateway.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
     * A command line with every subcommand and the project's error handling: a bad argument prints the
     * usage error and the allowed values, an unexpected failure prints one line (no stack trace) and exits 1.
     */
    public static CommandLine commandLine() {
        return withErrorHandling(new CommandLine(new HerdgateCommand()));
    }

    /**
     * The command line to execute {@code args} with: when the first argument names a subcommand, a root
     * holding only that one, else (no arguments, an option, {@code help}, a misspelt name) the whole tree of
     * {@link #commandLine()}. Picocli builds the model of every command it is given by reflection, with
     * their option types and objects; the gateway's start needs only {@code run}'s.
     */
    public static CommandLine commandLine(String... args) {
        Optional<Class<?>> named = args.length == 0 ? Optional.empty() : subcommandNamed(args[0]);
        if (named.isEmpty() || named.get() == CommandLine.HelpCommand.class) {
            return commandLine();
        }
        CommandLine cl = new CommandLine(CommandSpec.wrapWithoutInspection(new HerdgateCommand()).name("herdgate"));
        cl.addSubcommand(new CommandLine(named.get()));
        return withErrorHandling(cl);
    }

    /** The registered subcommand whose name or alias is {@code name}; reads annotations only. */
    private static Optional<Class<?>> subcommandNamed(String name) {
        for (Class<?> c : HerdgateCommand.class.getAnnotation(Command.class).subcommands()) {
            Command command = c.getAnnotation(Command.class);
            if (name.equals(command.name()) || Arrays.asList(command.aliases()).contains(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Set after the subcommands are added: picocli passes these settings down to the commands it holds. */
    private static CommandLine withErrorHandling(CommandLine cl) {
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
