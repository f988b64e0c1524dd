package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvaluateCommandTest {

    @Test
    void evaluate_missingDataFolder_failsWithOneLineNamingTheFolder() {
        CommandLine cl = HerdgateCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("evaluate", "--data", "no/such/folder");
        assertEquals(2, code);
        assertTrue(err.toString().contains("no/such/folder"), err.toString());
        assertTrue(err.toString().lines().count() == 1, err.toString());
    }
}
