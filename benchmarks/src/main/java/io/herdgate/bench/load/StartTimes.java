package io.herdgate.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Start-to-healthy of the gateway as packaged: the time from spawning its JVM to the first {@code /health}
 * "ok" (database migrated, MQTT link started, HTTP answering), over several starts on the same data
 * directory, as the service restarts on a Pi.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.herdgate.bench.load.StartTimes \
 *     [--starts 5] [--cds on|off] [--jvm "options"] [--jvm-add "options"] [--xmx 64m] [--jar gateway/target/herdgate.jar]
 * </pre>
 *
 * <p>With {@code --cds on} (the default) a training run makes the class-data sharing archive first, as
 * {@code /usr/bin/herdgate} does at the service's first stop; the starts measured then map it. Prints every
 * start with the CPU time the gateway used until healthy (steadier than the wall clock on a shared machine),
 * the medians, and the RSS of the last start once healthy.
 */
public final class StartTimes {

    private StartTimes() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = LoadHarness.options(args);
        int starts = Integer.parseInt(a.getOrDefault("starts", "5"));
        Path jar = Path.of(a.getOrDefault("jar", "gateway/target/herdgate.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("start: " + jar + " not found; build it first: mvn -B -q -DskipTests package");
            return;
        }
        Path work = Files.createTempDirectory("herdgate-start");
        List<String> jvm = LoadHarness.jvmOptions(a);
        try (Broker broker = Broker.start(work)) {
            int httpPort = Broker.freePort();
            Path config = LoadHarness.writeConfig(work, broker.uri(), httpPort);
            Path data = work.resolve("data");
            if (!"off".equals(a.get("cds"))) {
                jvm = ClassArchive.train(jar, jvm, config, httpPort, data, work.resolve("herdgate.jsa"));
                System.out.println("class archive:    " + work.resolve("herdgate.jsa") + " (training run done)");
            }
            System.out.println("gateway:          " + String.join(" ", jvm));
            List<Duration> times = new ArrayList<>();
            List<Duration> cpus = new ArrayList<>();
            String memory = "";
            for (int i = 1; i <= starts; i++) {
                try (GatewayProcess gw = GatewayProcess.start(jar, jvm, config, httpPort, data, work.resolve("gateway-" + i + ".out"))) {
                    Duration t = gw.awaitHealthy(Duration.ofSeconds(60));
                    Duration cpu = cpuTime(gw.pid());
                    times.add(t);
                    cpus.add(cpu);
                    System.out.printf("start %d:          %d ms, %d ms CPU%n", i, t.toMillis(), cpu.toMillis());
                    if (i == starts) {
                        memory = MemoryProbe.describe(gw, work.resolve("nmt-started.txt"));
                    }
                    gw.stop(Duration.ofSeconds(30));
                }
            }
            System.out.printf("median:           %d ms to healthy over %d starts (min %d, max %d)%n", median(times).toMillis(),
                    times.size(), times.stream().min(Duration::compareTo).orElseThrow().toMillis(),
                    times.stream().max(Duration::compareTo).orElseThrow().toMillis());
            System.out.printf("median CPU:       %d ms of CPU time (user + system, all threads) until healthy%n",
                    median(cpus).toMillis());
            System.out.println("memory:           " + memory + " (no collars, just started)");
        }
    }

    /**
     * CPU time the process has used, user plus system, all threads ({@code /proc/<pid>/stat} fields 14 and
     * 15, in clock ticks of 10 ms): unlike the wall clock, it barely moves when other jobs share the cores.
     */
    static Duration cpuTime(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15 of the line)
        return Duration.ofMillis(ticks * 10);
    }

    private static Duration median(List<Duration> times) {
        List<Duration> sorted = times.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
