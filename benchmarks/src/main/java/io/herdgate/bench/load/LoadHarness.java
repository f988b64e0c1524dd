package io.herdgate.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The load harness: N simulated collars through a real mosquitto into the gateway, which runs as its own
 * JVM with a small heap. Prints sustained frames/s and whether any frame was lost, frame-to-alarm latency,
 * RSS and heap, start-to-healthy time and bytes written per hour per 100 cows.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.herdgate.bench.load.LoadHarness \
 *     [--collars 2000] [--backlog-min 45] [--down 4] [--connections 4] [--xmx 64m] [--jvm "options"]
 *     [--jar gateway/target/herdgate.jar]
 * </pre>
 *
 * <p>How the herd goes faster than real time without lying to the gateway: every collar replays a backlog
 * of {@code --backlog-min} minutes of batches (4 s at 10 Hz, from the simulator's motion model) as a collar
 * does after a radio outage, each batch aged against the wall clock when it is sent, so the gateway dates
 * one unbroken stream per cow and its per-minute features and detectors run on it for real. The first
 * {@code --down} cows go down five minutes into the backlog; the harness's rules raise cow-down after 30
 * minutes of stillness (the shortest a vet may set) so those alarms fall inside the run.
 */
public final class LoadHarness {

    /**
     * The JVM options of the packaged gateway (deploy/): serial GC, C1 only (a fraction of C2's code cache
     * and compiler memory; the gateway's hot loops are short), bounded metaspace and code cache, small stacks.
     */
    static final String DEFAULT_JVM_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m "
            + "-XX:MaxMetaspaceSize=96m -Xss512k";

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        int collars = Integer.parseInt(a.getOrDefault("collars", "2000"));
        Duration backlog = Duration.ofMinutes(Long.parseLong(a.getOrDefault("backlog-min", "45")));
        int down = Integer.parseInt(a.getOrDefault("down", "4"));
        int connections = Integer.parseInt(a.getOrDefault("connections", "4"));
        String xmx = a.getOrDefault("xmx", "64m");
        String jvm = a.getOrDefault("jvm", DEFAULT_JVM_OPTIONS);
        Path jar = Path.of(a.getOrDefault("jar", "gateway/target/herdgate.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("load: " + jar + " not found; build it first: mvn -B -q -DskipTests package");
            return;
        }
        Path work = Files.createTempDirectory("herdgate-load");
        System.out.printf("load: %d collars, backlog %d min, %d cows down, gateway -Xmx%s %s, work %s%n",
                collars, backlog.toMinutes(), down, xmx, jvm, work);
        try (Broker broker = Broker.start(work)) {
            int httpPort = Broker.freePort();
            Path config = writeConfig(work, broker.uri(), httpPort);
            try (GatewayProcess gw = GatewayProcess.start(jar, xmx, jvm, config, httpPort, work.resolve("data"),
                    work.resolve("gateway.out"))) {
                Duration healthy = gw.awaitHealthy(Duration.ofSeconds(60));
                run(gw, broker, collars, backlog, down, connections, healthy);
            }
        }
    }

    private static void run(GatewayProcess gw, Broker broker, int n, Duration backlog, int down, int connections,
                            Duration healthy) throws Exception {
        Instant backlogStart = Instant.now().minus(backlog);
        List<LoadCollar> herd = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            herd.add(new LoadCollar(i, backlogStart, i < down ? Optional.of(Duration.ofMinutes(5)) : Optional.empty(),
                    backlog));
        }
        pair(gw, herd);
        try (Publishers radio = new Publishers(broker.uri(), "load", connections)) {
            herd.forEach(radio::add);
            long t0 = System.nanoTime();
            join(radio, herd, connections);
            System.out.printf("joined:            %d collars in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);

            Map<String, Double> before = gw.metrics();
            long[] ioBefore = gw.io();
            long start = System.nanoTime();
            long sent = stream(radio, herd, connections);
            radio.drain();
            double publishS = (System.nanoTime() - start) / 1e9;
            long expected = received(before) + sent;
            Map<String, Double> after = awaitHandled(gw, expected, Duration.ofSeconds(120));
            double handledS = (System.nanoTime() - start) / 1e9;
            String memory = memory(gw);
            report(n, healthy, before, after, sent, radio.failed(), publishS, handledS, memory);
            written(n, backlog, ioBefore, gw.stopAndReadIo());
        }
    }

    /** Opens the gateway's pairing mode for every collar of {@code herd} (their labels). */
    static void pair(GatewayProcess gw, List<LoadCollar> herd) throws IOException, InterruptedException {
        var opened = gw.api("POST", "/api/pairing-mode", "{\"minutes\":60,\"labels\":["
                + herd.stream().map(LoadCollar::labelJson).collect(Collectors.joining(",")) + "]}");
        if (opened.statusCode() != 200) {
            throw new IOException("pairing mode refused: " + opened.statusCode() + " " + opened.body());
        }
    }

    /**
     * Sends join requests until every collar has its session (the gateway answers on the downlink topic).
     * A request is sent again only when no collar joined for 30 s: joins are slow on purpose (each one is
     * written through), and a request sent again while the first is still queued costs the gateway twice.
     */
    static void join(Publishers radio, List<LoadCollar> herd, int connections) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            for (int i = 0; i < herd.size(); i++) {
                LoadCollar c = herd.get(i);
                if (!c.joined()) {
                    radio.publish(i % connections, c.eui(), c.joinRequest());
                }
            }
            radio.drain();
            long joined = -1;
            long now = herd.stream().filter(LoadCollar::joined).count();
            while (now > joined && now < herd.size()) {
                joined = now;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline && herd.stream().filter(LoadCollar::joined).count() == joined) {
                    Thread.sleep(100);
                }
                now = herd.stream().filter(LoadCollar::joined).count();
            }
            if (now == herd.size()) {
                return;
            }
        }
        throw new IOException(herd.stream().filter(c -> !c.joined()).count() + " collars did not join");
    }

    /** Replays every collar's backlog flat out, one batch per collar per round; returns the frames published. */
    static long stream(Publishers radio, List<LoadCollar> herd, int connections) throws Exception {
        return stream(radio, herd, connections, 0);
    }

    /**
     * Replays every collar's backlog, one batch per collar per round; with {@code pace} &gt; 0 no faster than
     * {@code pace} times real time (event time of the backlog against wall time since the call), so that
     * the gateway keeps up and batch arrival stays even. Returns the frames published.
     */
    static long stream(Publishers radio, List<LoadCollar> herd, int connections, double pace) throws Exception {
        List<Thread> threads = new ArrayList<>();
        long[] sent = new long[connections];
        long t0 = System.nanoTime();
        Instant from = herd.get(0).backlogStart();
        for (int p = 0; p < connections; p++) {
            int conn = p;
            Thread t = new Thread(() -> {
                try {
                    boolean more = true;
                    while (more) {
                        more = false;
                        boolean sentAny = false;
                        Instant limit = pace <= 0 ? Instant.MAX
                                : from.plusNanos((long) ((System.nanoTime() - t0) * pace));
                        for (int i = conn; i < herd.size(); i += connections) {
                            LoadCollar c = herd.get(i);
                            Instant now = Instant.now();
                            if (c.hasBacklog(now)) {
                                more = true;
                                if (c.nextBatchEnd().isAfter(limit)) {
                                    continue;
                                }
                                radio.publish(conn, c.eui(), c.nextFrame(now));
                                sent[conn]++;
                                sentAny = true;
                            }
                        }
                        if (more && !sentAny) {
                            Thread.sleep(5);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "load-" + p);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long total = 0;
        for (long s : sent) {
            total += s;
        }
        return total;
    }

    private static Map<String, Double> awaitHandled(GatewayProcess gw, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Double> m = gw.metrics();
        while (received(m) < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            m = gw.metrics();
        }
        return m;
    }

    private static long received(Map<String, Double> m) {
        return m.getOrDefault("herdgate_frames_received_total", 0.0).longValue();
    }

    private static long rejected(Map<String, Double> m) {
        return m.entrySet().stream().filter(e -> e.getKey().startsWith("herdgate_frames_rejected_total"))
                .mapToLong(e -> e.getValue().longValue()).sum();
    }

    private static void report(int n, Duration healthy, Map<String, Double> before, Map<String, Double> after, long sent,
                               long failed, double publishS, double handledS, String memory) {
        long got = received(after) - received(before);
        long rejected = rejected(after) - rejected(before);
        System.out.printf("start to healthy:  %d ms (spawn of the JVM to the first /health \"ok\")%n", healthy.toMillis());
        System.out.printf("frames:            %d published, %d publish failures, %d received by the gateway, %d rejected, lost %d%n",
                sent, failed, got, rejected, sent - got);
        System.out.printf("sustained:         %.0f frames/s published, %.0f frames/s handled (%.1f s)%n",
                sent / publishS, got / handledS, handledS);
        Latency.of(after, before).ifPresentOrElse(
                l -> System.out.printf("frame to alarm:    p50 %s, p99 %s over %d alarms%n", l.p50(), l.p99(), l.count()),
                () -> System.out.println("frame to alarm:    no alarm raised during the run"));
        System.out.printf("memory:            %s (%d collars)%n", memory, n);
    }

    private static String memory(GatewayProcess gw) throws IOException {
        String heap = gw.heapKb().map(h -> String.format(Locale.ROOT, "heap %.1f MB used of %.1f MB committed",
                h[0] / 1024.0, h[1] / 1024.0)).orElse("heap not readable (no jstat)");
        return String.format(Locale.ROOT, "RSS %d MB now, peak %d MB; %s", gw.statusKb("VmRSS") / 1024,
                gw.statusKb("VmHWM") / 1024, heap);
    }

    /**
     * Bytes written, scaled to an hour of event time for 100 cows: the backlog replayed is the event time
     * the herd covered, so per hour per 100 cows = bytes / (collars / 100 x backlog hours). Includes the
     * flush at the gateway's stop.
     */
    private static void written(int n, Duration backlog, long[] before, long[] after) {
        double hundredCowHours = n / 100.0 * backlog.toSeconds() / 3600;
        double wchar = (after[0] - before[0]) / 1e6;
        double device = (after[1] - before[1]) / 1e6;
        System.out.printf(Locale.ROOT, "written:           %.2f MB asked of the file system (wchar), %.2f MB sent to the"
                        + " block device, over %.1f hours x 100 cows: %.2f MB/h per 100 cows (wchar), %.2f (device)%n",
                wchar, device, hundredCowHours, wchar / hundredCowHours, device / hundredCowHours);
    }

    private static Path writeConfig(Path work, String broker, int httpPort) throws IOException {
        Files.writeString(work.resolve("rules.yaml"), String.join("\n",
                "version: 1",
                "herd:",
                "  no_motion:",
                "    min_duration_min: 30", ""));
        Path config = work.resolve("herdgate.yaml");
        Files.writeString(config, String.join("\n",
                "data_dir: " + work.resolve("data"),
                "time_zone: UTC",
                "rules_file: rules.yaml",
                "links:",
                "  mqtt:",
                "    broker: " + broker,
                "    gateway_name: load",
                "http:",
                "  bind: 127.0.0.1",
                "  port: " + httpPort,
                "logging:",
                "  level: info",
                "  file: " + work.resolve("herdgate.log"), ""));
        return config;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }
}
