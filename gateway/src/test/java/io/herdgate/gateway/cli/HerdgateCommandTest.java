package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class HerdgateCommandTest {

    private static final int REGISTERED = HerdgateCommand.class.getAnnotation(Command.class).subcommands().length;

    @Test
    void commandLine_namingASubcommand_buildsOnlyThatOne() {
        assertEquals(Set.of("run"), HerdgateCommand.commandLine("run", "--config", "herdgate.yaml").getSubcommands().keySet());
        assertEquals(Set.of("rules"), HerdgateCommand.commandLine("rules", "check").getSubcommands().keySet());
    }

    @Test
    void commandLine_withoutASubcommandName_buildsTheWholeTree() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "run"}, {"rnu"}}) {
            assertEquals(REGISTERED, HerdgateCommand.commandLine(args).getSubcommands().size(), String.join(" ", args));
        }
    }

    @Test
    void execute_misspeltSubcommand_namesTheCommands() {
        Cli cli = Cli.run("rnu");
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("Unmatched argument at index 0: 'rnu'"), cli.err());
        assertTrue(cli.err().contains("run"), cli.err());
        assertTrue(cli.noStackTrace(), cli.err());
    }

    @Test
    void execute_subcommandHelp_namesTheRootInItsUsage() {
        Cli cli = Cli.run("run", "--help");
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().startsWith("Usage: herdgate run"), cli.out());
    }

    @Test
    void execute_helpOfASubcommand_printsItsUsage() {
        Cli cli = Cli.run("help", "config");
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().startsWith("Usage: herdgate config"), cli.out());
    }
}
