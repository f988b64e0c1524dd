package io.herdgate.gateway.cli;

import io.herdgate.gateway.config.ConfigCheck;
import io.herdgate.gateway.config.GatewayConfig;
import io.herdgate.gateway.config.GatewayConfigFile;
import io.herdgate.rules.config.ConfigProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herdgate config check [FILE]}: prints every problem of a gateway configuration, one per line
 * ({@code herdgate.yaml:12:9: http.port: 70000 is out of range; allowed: 0..65535}), and exits 1; or
 * prints what the gateway would run with and exits 0.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a gateway configuration (and the rules file it names): every error with "
                + "file:line:column, exit 1 on errors.")
public final class ConfigCheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "/etc/herdgate/herdgate.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path file;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConfigCheck check = GatewayConfigFile.read(file);
        if (check instanceof ConfigCheck.Invalid invalid) {
            for (ConfigProblem p : invalid.problems()) {
                out.println(p);
            }
            out.println(invalid.problems().size() + (invalid.problems().size() == 1 ? " error" : " errors"));
            out.flush();
            return 1;
        }
        GatewayConfig c = ((ConfigCheck.Valid) check).config();
        out.println(file + ": valid");
        out.println("  data dir   " + c.dataDir());
        out.println("  time zone  " + c.zone());
        out.println("  rules      " + c.rulesFile().map(Path::toString).orElse("shipped defaults"));
        out.println("  links      " + links(c));
        out.println("  http       " + c.http().bind() + ":" + c.http().port());
        out.println("  delivery   " + delivery(c));
        out.flush();
        return 0;
    }

    private static String links(GatewayConfig c) {
        List<String> l = new ArrayList<>();
        c.links().serial().ifPresent(s -> l.add("serial " + s.device() + " @ " + s.baud()));
        c.links().mqtt().ifPresent(m -> l.add("mqtt " + m.broker()));
        return l.isEmpty() ? "none (no collar frames will arrive)" : String.join(", ", l);
    }

    private static String delivery(GatewayConfig c) {
        List<String> l = new ArrayList<>();
        c.whatsapp().ifPresent(w -> l.add("whatsapp"));
        c.sms().ifPresent(s -> l.add("sms " + s.modem()));
        c.gpio().ifPresent(g -> l.add("siren on GPIO " + g.sirenPin()));
        return l.isEmpty() ? "log only" : String.join(", ", l);
    }
}
