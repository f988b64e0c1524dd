package io.herdgate.gateway.cli;

import io.herdgate.gateway.config.ConfigCheck;
import io.herdgate.gateway.config.GatewayConfig;
import io.herdgate.gateway.config.GatewayConfigFile;
import io.herdgate.gateway.config.LoggingConfig;
import io.herdgate.gateway.http.HttpServer;
import io.herdgate.gateway.logging.GatewayLogging;
import io.herdgate.gateway.logging.LogSettings;
import io.herdgate.gateway.runtime.Gateway;
import io.herdgate.gateway.runtime.GatewayStartException;
import io.herdgate.gateway.systemd.Liveness;
import io.herdgate.gateway.systemd.Supervision;
import io.herdgate.rules.config.ConfigProblem;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tinylog.Logger;
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

    /** Longest wait for the ingest thread to run a no-op before the watchdog is withheld. */
    static final Duration INGEST_ANSWER = Duration.ofSeconds(20);

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
        try {
            configureLogging(c.logging());
        } catch (UncheckedIOException e) {
            err.println("herdgate run: " + e.getMessage() + " (logging.file in " + config + ")");
            err.flush();
            return 1;
        }
        // After the logging set-up (Jetty's loggers would fix it), in parallel with the database and ingest.
        HttpServer.preload();
        Gateway gateway;
        try {
            gateway = Gateway.builder(c).start();
        } catch (GatewayStartException e) {
            err.println("herdgate run: " + e.getMessage());
            err.flush();
            return 1;
        }
        // Under systemd (Type=notify, WatchdogSec=): READY=1 now, WATCHDOG=1 while the ingest thread
        // answers, STOPPING=1 at shutdown; outside systemd a no-op.
        Supervision supervision = Supervision.fromEnvironment(System.getenv(), ProcessHandle.current().pid(),
                Liveness.responding("ingest thread", gateway::awaitIngest, INGEST_ANSWER));
        supervision.ready("running: " + gateway.status().pairedCollars() + " collars paired, HTTP on port "
                + gateway.httpPort());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Logger.info("stopping (signal)");
            supervision.close();
            gateway.close();
            stopped.countDown();
        }, "stop"));
        stopped.await();
        return 0;
    }

    /**
     * Level and file from the configuration (the file rolled over by size, so it cannot fill the SD
     * card); only possible before anything has logged.
     */
    private static void configureLogging(LoggingConfig l) {
        try {
            if (l.file().isPresent()) {
                GatewayLogging.toFile(LogSettings.of(l.file().get(), l.level()));
            } else {
                GatewayLogging.toStderr(l.level());
            }
        } catch (IllegalStateException | UncheckedIOException e) {
            Logger.warn("logging settings from the configuration not applied: {}", e.getMessage());
        }
    }
}
