package io.herdgate.gateway.cli;

import io.herdgate.gateway.demo.DemoReport;
import io.herdgate.gateway.demo.DemoRun;
import io.herdgate.gateway.demo.DemoSettings;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.replay.AlarmJson;
import io.herdgate.sim.herd.EventSchedule;
import io.herdgate.sim.herd.HerdConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herdgate demo}: the simulated herd through the real protocol and detection pipeline. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
                "Runs a simulated herd through the real pipeline: collars join with their root keys and send "
                        + "authenticated frames; the gateway checks MIC and counters, turns samples into per-minute "
                        + "activity and feeds the detection engine. Simulated time runs as fast as the machine allows.",
                "Prints the events injected into the herd, each alarm as it is raised and cleared, and a summary."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--cows", defaultValue = "8", description = "Herd size, 1..2000 (default: ${DEFAULT-VALUE}).")
    int cows;

    @Option(names = "--days", defaultValue = "4", description = "Simulated days, 1..60 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--events", defaultValue = "heat:2,illness:1,calving:1,down:1,collar_off:1,radio_loss:1",
            description = "Injected events, e.g. heat:3,down:#4 (default: ${DEFAULT-VALUE}). "
                    + "Events: heat, illness, calving, down, collar_off, radio_loss, battery; a count or #cow+#cow.")
    String events;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of everything simulated (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--alarms", paramLabel = "FILE", description = "Also write every alarm as JSON lines to FILE.")
    Optional<Path> alarmsFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        DemoSettings settings;
        try {
            settings = DemoSettings.of(cows, Duration.ofDays(days), events, seed, Instant.parse("2026-03-02T00:00:00Z"));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        DemoRun run = DemoRun.of(settings, e -> print(out, e), t -> { });
        HerdConfig config;
        try {
            config = run.herdConfig();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--events: " + e.getMessage());
        }
        out.printf("herdgate demo: %d cows, %d simulated days from %s (farm zone %s), seed %d%n",
                cows, days, settings.start(), config.zone(), seed);
        printSchedule(out, config);
        out.println("alarms as the gateway raises them (simulated time):");
        out.flush();
        DemoReport report = run.run();
        printSummary(out, report);
        if (alarmsFile.isPresent()) {
            try (Writer w = Files.newBufferedWriter(alarmsFile.get(), StandardCharsets.UTF_8)) {
                AlarmJson.write(report.alarms(), w);
            }
            out.println("alarms written to " + alarmsFile.get());
        }
        out.flush();
        return 0;
    }

    private static void printSchedule(PrintWriter out, HerdConfig config) {
        EventSchedule schedule = EventSchedule.of(config.events(), config.size(), config.seed(), config.start(),
                config.span());
        out.println("events injected into the simulated herd:");
        for (var cow : schedule.eventfulCows().stream().sorted().toList()) {
            schedule.episodes(cow).forEach(e -> out.println("  cow " + cow + ": " + e));
            if (schedule.agedBattery(cow)) {
                out.println("  cow " + cow + ": aged battery");
            }
        }
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

    private static Map<String, Long> nonZero(Map<?, Long> counts) {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach((k, v) -> {
            if (v > 0) {
                m.put(k.toString(), v);
            }
        });
        return m;
    }

    private static void printSummary(PrintWriter out, DemoReport r) {
        Map<String, Integer> perType = new TreeMap<>();
        r.alarms().forEach(a -> perType.merge(a.type().jsonName(), 1, Integer::sum));
        out.printf("summary: %d frames accepted, %d rejected %s, %d minute observations, alarms %s, in %.1f s%n",
                r.framesAccepted(), r.rejections().values().stream().mapToLong(Long::longValue).sum(),
                nonZero(r.rejections()), r.observations(), perType, r.wallTime().toMillis() / 1000.0);
    }

}
