package io.herdgate.gateway.cli;

import io.herdgate.rules.config.ConfigProblem;
import io.herdgate.rules.config.RulesCheck;
import io.herdgate.rules.config.RulesConfig;
import io.herdgate.rules.config.RulesFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herdgate rules check FILE}: prints every problem of a rules file, one per line
 * ({@code rules.yaml:12:5: herd.heat.rise_pct: 650 is outside 10..500 (%)}), and exits 1; or prints a
 * one-line summary and exits 0 when the file is valid.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a rules file: every error with file:line:column, exit 1 on errors.")
public final class RulesCheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The rules YAML file.")
    Path file;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RulesCheck check = RulesFile.read(file);
        if (check instanceof RulesCheck.Invalid invalid) {
            for (ConfigProblem p : invalid.problems()) {
                out.println(p);
            }
            out.println(invalid.problems().size() + (invalid.problems().size() == 1 ? " error" : " errors"));
            out.flush();
            return 1;
        }
        RulesConfig c = ((RulesCheck.Valid) check).config();
        out.println(file + ": valid; herd sets " + c.herd().settings().size() + " parameter(s), "
                + c.groups().size() + " group(s)" + (c.groups().isEmpty() ? "" : " " + c.groups().keySet())
                + ", " + c.cows().size() + " cow override(s)");
        out.flush();
        return 0;
    }
}
