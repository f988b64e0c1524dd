package io.herdgate.gateway.cli;

import io.herdgate.gateway.demo.DemoReport;
import io.herdgate.gateway.demo.DemoRun;
import io.herdgate.gateway.demo.DemoSettings;
import io.herdgate.gateway.demo.EventOutcome;
import io.herdgate.gateway.runtime.Gateway;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.replay.AlarmJson;
import io.herdgate.sim.event.Calving;
import io.herdgate.sim.event.CollarOff;
import io.herdgate.sim.event.CowDown;
import io.herdgate.sim.event.Episode;
import io.herdgate.sim.event.Heat;
import io.herdgate.sim.event.Illness;
import io.herdgate.sim.event.RadioLoss;
import io.herdgate.sim.herd.EventSchedule;
import io.herdgate.sim.herd.HerdConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herdgate demo}: a simulated herd through the real gateway. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
                "Runs a simulated herd through the real gateway: collars join with their root keys and send "
                        + "authenticated frames; the gateway checks MIC and counters, stores history and alarms in its "
                        + "data directory, learns every cow's baseline and raises alarms, and serves its HTTP pages.",
                "The days before the first injected event (the baselines' warm-up) run as fast as the machine allows; "
                        + "then every simulated hour takes --pace-ms so the alarms can be watched (--fast: no pause).",
                "Prints where to look, the injected events, each alarm as it is raised and cleared, and at the end "
                        + "which event raised which alarm (type, delay) or was MISSED."})
public final class DemoCommand implements Callable<Integer> {

    /** Simulated time as printed: UTC to the minute. */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--cows", defaultValue = "6", description = "Herd size, 1..2000 (default: ${DEFAULT-VALUE}).")
    int cows;

    @Option(names = "--days", defaultValue = "5.5", description = "Simulated days, 0.05..60, decimals allowed "
            + "(default: ${DEFAULT-VALUE}); the story takes the last two, the days before are the baselines' warm-up "
            + "(illness needs 3 days of history).")
    double days;

    @Option(names = "--events", defaultValue = DemoSettings.STORY,
            description = "Injected events: 'story' (default) for one heat, illness, calving, cow down, collar off and "
                    + "radio loss, each on its own cow in the last two days; or events drawn from the seed, e.g. "
                    + "heat:3,down:#4 (heat, illness, calving, down, collar_off, radio_loss, battery; a count or "
                    + "#cow+#cow); empty for none.")
    String events;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of everything simulated (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--http-port", defaultValue = "8080", paramLabel = "PORT",
            description = "The gateway's HTTP port on 127.0.0.1, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the gateway's data (SQLite database) in DIR, new or empty; default a temporary "
                    + "directory deleted at the end.")
    Optional<Path> dataDir;

    @Option(names = "--pace-ms", defaultValue = "500", paramLabel = "MS",
            description = "Real milliseconds per simulated hour after the warm-up, 0..600000 (default: ${DEFAULT-VALUE}).")
    long paceMs;

    @Option(names = "--fast", description = "No pause at all: run to the end as fast as the machine allows.")
    boolean fast;

    @Option(names = "--alarms", paramLabel = "FILE", description = "Also write every alarm as JSON lines to FILE.")
    Optional<Path> alarmsFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        DemoSettings settings;
        DemoRun run;
        HerdConfig config;
        try {
            settings = DemoSettings.of(cows, Duration.ofMinutes(Math.round(days * 1440)), events, seed,
                            Instant.parse("2026-03-02T00:00:00Z"))
                    .withHttpPort(httpPort).withPace(fast ? Duration.ZERO : Duration.ofMillis(paceMs));
            if (dataDir.isPresent()) {
                settings = settings.withDataDir(dataDir.get());
            }
            run = DemoRun.of(settings, e -> print(out, e), t -> { });
            config = run.herdConfig();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        out.printf(Locale.ROOT, "herdgate demo: %d cows, %s simulated days from %s (farm zone %s), seed %d%n",
                cows, BigDecimal.valueOf(days).stripTrailingZeros().toPlainString(), settings.start(), config.zone(), seed);
        printSchedule(out, config);
        out.printf("warm-up until %s (baselines are learnt), as fast as this machine allows%n", run.warmupEnd());
        out.flush();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            run.stop();
            try {
                done.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        DemoReport report;
        DemoSettings chosen = settings;
        try {
            report = run.run((g, phone) -> printWhereToLook(out, g, phone, chosen));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } finally {
            done.countDown();
            removeHook(hook);
        }
        printSummary(out, report, settings);
        if (alarmsFile.isPresent()) {
            try (Writer w = Files.newBufferedWriter(alarmsFile.get(), StandardCharsets.UTF_8)) {
                AlarmJson.write(report.alarms(), w);
            }
            out.println("alarms written to " + alarmsFile.get());
        }
        out.flush();
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook is running
        }
    }

    private static void printWhereToLook(PrintWriter out, Gateway g, URI phone, DemoSettings s) {
        out.println("gateway started in " + g.startTime().toMillis() + " ms; where to look:");
        out.println("  farmer's phone       " + phone + "  (WhatsApp messages as delivered; reload the page)");
        out.println("  health and counters  http://127.0.0.1:" + g.httpPort() + "/health  and  /metrics");
        out.println("  data directory       " + g.database().file().getParent()
                + (s.dataDir().isEmpty() ? " (temporary, deleted at the end; keep it with --data-dir)" : ""));
        out.println("  alarms               below, as the gateway raises them (simulated time)");
        out.flush();
    }

    private static void printSchedule(PrintWriter out, HerdConfig config) {
        EventSchedule schedule = EventSchedule.of(config);
        out.println("events injected into the simulated herd:");
        for (var cow : schedule.eventfulCows().stream().sorted().toList()) {
            schedule.episodes(cow).forEach(e -> out.println("  cow " + cow + ": " + describe(e)));
            if (schedule.agedBattery(cow)) {
                out.println("  cow " + cow + ": aged battery");
            }
        }
    }

    /** An injected event as an installer reads it: what, how much, from when, how long (simulated time, UTC). */
    static String describe(Episode e) {
        String from = MINUTE.format(e.start());
        String lasting = hours(Duration.between(e.start(), e.end()));
        if (e instanceof Heat h) {
            return String.format(Locale.ROOT, "heat, %.1fx activity, from %s for %s", h.activityFactor(), from, lasting);
        } else if (e instanceof Illness i) {
            return String.format(Locale.ROOT, "illness, activity -%.0f %% (reached over a day), from %s for %s",
                    100 * i.severity(), from, lasting);
        } else if (e instanceof Calving c) {
            return "calving at " + MINUTE.format(c.at()) + ", restless from " + from;
        } else if (e instanceof CowDown) {
            return "cow down, cannot get up, from " + from + " for " + lasting;
        } else if (e instanceof CollarOff) {
            return "collar fallen off, on the ground from " + from + " for " + lasting;
        } else if (e instanceof RadioLoss) {
            return "out of radio range from " + from + " for " + lasting;
        }
        return e.toString();
    }

    /** The event's name in a table column. */
    private static String kind(Episode e) {
        return e instanceof Heat ? "heat" : e instanceof Illness ? "illness" : e instanceof Calving ? "calving"
                : e instanceof CowDown ? "cow down" : e instanceof CollarOff ? "collar off" : "radio loss";
    }

    private static String hours(Duration d) {
        return d.toMinutesPart() == 0 ? d.toHours() + " h" : d.toHours() + " h " + d.toMinutesPart() + " min";
    }

    private static void print(PrintWriter out, AlarmEvent e) {
        Alarm a = e.alarm();
        if (e instanceof AlarmEvent.Updated) {
            return; // the demo shows raises and clears; updates refine the explanation of an active alarm
        }
        String what = e instanceof AlarmEvent.Raised ? "RAISED " : "cleared";
        out.printf("  %s  %s  cow %-4s %-10s %-8s %s%n", e.at(), what, a.cow().value(), a.type().jsonName(),
                a.severity().jsonName(), a.explanation().measure());
        out.flush();
    }

    private static void printOutcomes(PrintWriter out, DemoReport r) {
        if (r.outcomes().isEmpty()) {
            return;
        }
        out.println("injected event → alarm raised by the gateway's detectors:");
        out.printf("  %-5s %-11s %-21s %-11s %s%n", "cow", "event", "started", "expected", "raised");
        for (EventOutcome o : r.outcomes()) {
            String raised = o.delay().map(d -> String.format("%s after %dh%02d", o.expected().jsonName(), d.toHours(),
                    d.toMinutesPart())).orElse("MISSED");
            out.printf("  %-5s %-11s %-21s %-11s %s%n", o.cow(), kind(o.episode()),
                    MINUTE.format(o.episode().start()), o.expected().jsonName(), raised);
        }
        long missed = r.outcomes().stream().filter(o -> o.alarm().isEmpty()).count();
        out.printf("  %d of %d events raised their alarm%n", r.outcomes().size() - missed, r.outcomes().size());
        List<Alarm> other = r.unexplained();
        if (!other.isEmpty()) {
            out.println("alarms no injected event explains (the simulated herd's ordinary days):");
            other.forEach(a -> out.printf("  cow %-4s %-10s raised %s%n", a.cow().value(), a.type().jsonName(), a.raisedAt()));
        }
    }

    private static void printSummary(PrintWriter out, DemoReport r, DemoSettings s) {
        printOutcomes(out, r);
        Map<String, Integer> perType = new TreeMap<>();
        r.alarms().forEach(a -> perType.merge(a.type().jsonName(), 1, Integer::sum));
        out.printf("summary: %d frames accepted, %d rejected, %d minute observations, alarms %s (%d in the alarm log), "
                        + "%d WhatsApp messages delivered, gateway start %d ms, run %.1f s%n",
                r.framesAccepted(), r.framesRejected(), r.observations(), perType, r.storedAlarms(), r.messages(),
                r.startTime().toMillis(), r.wallTime().toMillis() / 1000.0);
        if (s.dataDir().isPresent()) {
            out.println("data kept in " + r.dataDir());
        }
    }
}
