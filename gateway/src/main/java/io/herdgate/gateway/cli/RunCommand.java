package io.herdgate.gateway.cli;

import io.herdgate.gateway.config.ConfigCheck;
import io.herdgate.gateway.config.GatewayConfig;
import io.herdgate.gateway.config.GatewayConfigFile;
import io.herdgate.gateway.config.LoggingConfig;
import io.herdgate.gateway.runtime.Gateway;
import io.herdgate.gateway.runtime.GatewayStartException;
import io.herdgate.rules.config.ConfigProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tinylog.Logger;
import org.tinylog.configuration.Configuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herdgate run}: the gateway service. Reads and checks the configuration (every problem is
 * printed, exit 1), starts the gateway and runs until SIGTERM or Ctrl-C, then stops it in order
 * (history flushed, detector state saved) before the process exits.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the gateway until stopped (SIGTERM or Ctrl-C stop it cleanly).")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "/etc/herdgate/herdgate.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ConfigCheck check = GatewayConfigFile.read(config);
        if (check instanceof ConfigCheck.Invalid invalid) {
            for (ConfigProblem p : invalid.problems()) {
                err.println(p);
            }
            err.println("herdgate run: " + invalid.problems().size() + " configuration error(s); not started");
            err.flush();
            return 1;
        }
        GatewayConfig c = ((ConfigCheck.Valid) check).config();
        configureLogging(c.logging());
        Gateway gateway;
        try {
            gateway = Gateway.builder(c).start();
        } catch (GatewayStartException e) {
            err.println("herdgate run: " + e.getMessage());
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Logger.info("stopping (signal)");
            gateway.close();
            stopped.countDown();
        }, "stop"));
        stopped.await();
        return 0;
    }

    /** Level and file from the configuration; only possible before anything has logged. */
    private static void configureLogging(LoggingConfig l) {
        if (Configuration.isFrozen()) {
            Logger.warn("logging settings from the configuration not applied: logging had already started");
            return;
        }
        Configuration.set("writer.level", l.level());
        Configuration.set("writer.format", "{date:yyyy-MM-dd HH:mm:ss.SSS} {level} [{thread}] {message}");
        l.file().ifPresent(f -> {
            Configuration.set("writer2", "file");
            Configuration.set("writer2.file", f.toString());
            Configuration.set("writer2.append", "true");
            Configuration.set("writer2.level", l.level());
            Configuration.set("writer2.format", "{date:yyyy-MM-dd HH:mm:ss.SSS} {level} [{thread}] {message}");
        });
    }
}
