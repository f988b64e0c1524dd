package io.herdgate.bench.load;

import io.herdgate.gateway.launch.JvmOptions;
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
 *     [--collars 2000] [--backlog-min 45] [--down 4] [--low-battery 20] [--live-min 2] [--connections 4] [--pace 0]
 *     [--xmx 64m] [--jvm "options"] [--jvm-add "options"] [--cds on|off] [--jar gateway/target/herdgate.jar]
 * </pre>
 *
 * <p>How the herd goes faster than real time without lying to the gateway: every collar replays a backlog
 * of {@code --backlog-min} minutes of batches (4 s at 10 Hz, from the simulator's motion model) as a collar
 * does after a radio outage, each batch aged against the wall clock when it is sent, so the gateway dates
 * one unbroken stream per cow and its per-minute features and detectors run on it for real. The first
 * {@code --down} cows go down five minutes into the backlog; the harness's rules raise cow-down after 30
 * minutes of stillness (the shortest a vet may set) so those alarms fall inside the run.
 *
 * <p>After the backlog the herd streams live for {@code --live-min} minutes: each batch sent when it falls
 * due, about 500 frames/s for 2,000 collars, as on a farm.
 *
 * <p>Frame-to-alarm latency: of the first {@code --low-battery} collars, half report a low battery halfway
 * through their backlog, half when the live phase begins. The harness's rules take one low reading as
 * enough ({@code battery.min_readings: 1}), so the gateway's battery detector raises one alarm per cow
 * with her next completed minute. The gateway times each alarm from the arrival of the frame that
 * completed that minute ({@code herdgate_frame_to_alarm_seconds} on {@code /metrics}); the harness prints
 * that histogram's p50 and p99 for the backlog replay (the ingest saturated: the time includes the
 * frames queued before it) and for the live herd.
 *
 * <p>CPU: besides wall-clock rates, which depend on whatever else the machine runs, the harness prints
 * the CPU time of the gateway, mosquitto and the publishers per 1,000 frames handled.
 *
 * <p>The gateway runs with the JVM options the package ships ({@link #PACKAGED_JVM_OPTIONS}, read as the
 * launcher reads them by {@link JvmOptions}; {@code --jvm} replaces them, {@code --xmx} overrides their
 * heap) and, unless {@code --cds off}, with a class-data sharing archive that a training run makes first,
 * as the packaged launcher does ({@link ClassArchive}).
 */
public final class LoadHarness {

    /** The gateway's name in its MQTT topics. */
    static final String GATEWAY = "load";
    /** The JVM options file the package installs, relative to the repository root (the harness's working directory). */
    static final Path PACKAGED_JVM_OPTIONS = Path.of("deploy/src/deb/share/jvm.options");
    /** The options the launcher adds to the service's when the JVM accepts them, relative to the repository root. */
    static final Path PACKAGED_OPTIONAL_JVM_OPTIONS = Path.of("deploy/src/deb/share/jvm-optional.options");

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        int collars = Integer.parseInt(a.getOrDefault("collars", "2000"));
        Duration backlog = Duration.ofMinutes(Long.parseLong(a.getOrDefault("backlog-min", "45")));
        int down = Integer.parseInt(a.getOrDefault("down", "4"));
        int lowBattery = Integer.parseInt(a.getOrDefault("low-battery", "20"));
        Duration live = Duration.ofMinutes(Long.parseLong(a.getOrDefault("live-min", "2")));
        int connections = Integer.parseInt(a.getOrDefault("connections", "4"));
        double pace = Double.parseDouble(a.getOrDefault("pace", "0"));
        Path jar = Path.of(a.getOrDefault("jar", "gateway/target/herdgate.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("load: " + jar + " not found; build it first: mvn -B -q -DskipTests package");
            return;
        }
        Path work = Files.createTempDirectory("herdgate-load");
        List<String> jvm = jvmOptions(a);
        try (Broker broker = Broker.start(work)) {
            int httpPort = Broker.freePort();
            Path config = writeConfig(work, broker.uri(), httpPort);
            if (!"off".equals(a.get("cds"))) {
                long t0 = System.nanoTime();
                jvm = ClassArchive.train(jar, jvm, config, httpPort, work.resolve("data"), work.resolve("herdgate.jsa"));
                System.out.printf("class archive:     %s, made by a training run in %.1f s (as /usr/bin/herdgate does)%n",
                        work.resolve("herdgate.jsa"), (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("load: %d collars, backlog %d min, %d cows down, %d low batteries, gateway %s, work %s%n",
                    collars, backlog.toMinutes(), down, lowBattery, String.join(" ", jvm), work);
            System.out.println("load average:      " + loadAverage() + " (1, 5, 15 min; at the start)");
            try (GatewayProcess gw = GatewayProcess.start(jar, jvm, config, httpPort, work.resolve("data"),
                    work.resolve("gateway.out"))) {
                Duration healthy = gw.awaitHealthy(Duration.ofSeconds(60));
                run(gw, broker, collars, backlog, down, lowBattery, live, connections, pace, healthy);
                System.out.println("load average:      " + loadAverage() + " (1, 5, 15 min; at the end of the run)");
            }
        }
    }

    /**
     * The packaged options and, as {@code /usr/bin/herdgate} adds them to the service's, the optional ones
     * this JVM accepts ({@code --jvm} replaces both), then those of {@code --jvm-add} (e.g.
     * {@code -XX:NativeMemoryTracking=summary}), then {@code -Xmx} of {@code --xmx} (the later option wins).
     */
    static List<String> jvmOptions(Map<String, String> a) throws IOException, InterruptedException {
        List<String> jvm = new ArrayList<>(a.containsKey("jvm") ? List.of(a.get("jvm").trim().split("\\s+"))
                : JvmOptions.read(PACKAGED_JVM_OPTIONS));
        if (!a.containsKey("jvm")) {
            for (String o : JvmOptions.read(PACKAGED_OPTIONAL_JVM_OPTIONS)) {
                if (GatewayProcess.accepts(jvm, o)) {
                    jvm.add(o);
                }
            }
        }
        if (a.containsKey("jvm-add")) {
            jvm.addAll(List.of(a.get("jvm-add").trim().split("\\s+")));
        }
        if (a.containsKey("xmx")) {
            jvm.add("-Xmx" + a.get("xmx"));
        }
        return jvm;
    }

    private static void run(GatewayProcess gw, Broker broker, int n, Duration backlog, int down, int lowBattery,
                            Duration live, int connections, double pace, Duration healthy) throws Exception {
        Instant backlogStart = Instant.now().minus(backlog);
        List<LoadCollar> herd = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            herd.add(new LoadCollar(i, backlogStart, i < down ? Optional.of(Duration.ofMinutes(5)) : Optional.empty(),
                    backlog, i < lowBattery ? Optional.of(i % 2 == 0 ? LoadCollar.LowBattery.BACKLOG : LoadCollar.LowBattery.LIVE)
                            : Optional.empty()));
        }
        pair(gw, herd);
        try (Publishers radio = new Publishers(broker.uri(), GATEWAY, connections)) {
            herd.forEach(radio::add);
            long t0 = System.nanoTime();
            join(radio, herd, connections);
            System.out.printf("joined:            %d collars in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            // The backlog plus what the herd adds while it streams (a generous minute); the rest is rendered live.
            int batches = (int) (backlog.plusMinutes(1).toMillis() / LoadCollar.BATCH_SPAN.toMillis());
            long r0 = System.nanoTime();
            herd.parallelStream().forEach(c -> c.prepare(batches));
            System.out.printf("motion rendered:   %d batches per collar in %.1f s (before streaming, not timed)%n",
                    batches, (System.nanoTime() - r0) / 1e9);

            List<RawUplinks> uplinks = RawUplinks.connectAll(broker.uri(), "load-up", connections);
            Map<String, Double> before = gw.metrics();
            long[] ioBefore = gw.io();
            double[] cpuBefore = cpu(gw, broker);
            Map<String, Double> threadsBefore = CpuTime.byThread(gw.pid());
            Optional<double[]> gcBefore = gw.gc();
            long start = System.nanoTime();
            long sent = stream(uplinks, herd, Optional.empty(), pace);
            double publishS = (System.nanoTime() - start) / 1e9;
            long expected = received(before) + sent;
            Map<String, Double> after = awaitHandled(gw, expected, Duration.ofSeconds(120));
            double handledS = (System.nanoTime() - start) / 1e9;
            double[] cpuAfter = cpu(gw, broker);
            Map<String, Double> threadsAfter = CpuTime.byThread(gw.pid());
            String memory = MemoryProbe.describe(gw, gw.dataDir().resolveSibling("nmt-loaded.txt"));
            report(n, healthy, before, after, sent, publishS, handledS, memory);
            cpuReport(cpuBefore, cpuAfter, received(after) - received(before));
            threadReport(threadsBefore, threadsAfter, received(after) - received(before));
            gcReport(gcBefore, gw.gc());

            // Live: the herd at its real rate, the second half of the low-battery collars reporting now.
            herd.stream().filter(LoadCollar::lowBatteryLive).forEach(LoadCollar::lowBatteryNow);
            long liveSent = stream(uplinks, herd, Optional.of(Instant.now().plus(live)), 0);
            for (RawUplinks u : uplinks) {
                u.close();
            }
            Map<String, Double> end = awaitHandled(gw, received(after) + liveSent, Duration.ofSeconds(60));
            long liveGot = received(end) - received(after);
            System.out.printf("live:              %d frames published in %d min at the herd's own rate, %d received, lost %d%n",
                    liveSent, live.toMinutes(), liveGot, liveSent - liveGot);
            latency("frame to alarm, live herd:", end, after);
            System.out.printf("memory, after live: %s%n", MemoryProbe.describe(gw, gw.dataDir().resolveSibling("nmt-live.txt")));
            written(sent + liveSent, ioBefore, gw.stopAndReadIo());
        }
    }

    /** Opens the gateway's pairing mode with every collar's label, as an installer's label CSV does. */
    static void pair(GatewayProcess gw, List<LoadCollar> herd) throws Exception {
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

    /**
     * Replays every collar's backlog, one batch per collar per round, as fast as the gateway takes them, or
     * with {@code pace} &gt; 0 no faster than {@code pace} times real time (event time of the backlog against
     * wall time since the call, so that batch arrival stays even); with a deadline, then goes on sending
     * each batch when it is due (the herd live, in real time) until then. Returns the frames published.
     */
    static long stream(List<RawUplinks> uplinks, List<LoadCollar> herd, Optional<Instant> until, double pace)
            throws Exception {
        int connections = uplinks.size();
        long t0 = System.nanoTime();
        Instant from = herd.get(0).backlogStart();
        List<Thread> threads = new ArrayList<>();
        long[] sent = new long[connections];
        Exception[] failed = new Exception[connections];
        for (int p = 0; p < connections; p++) {
            int conn = p;
            RawUplinks radio = uplinks.get(p);
            Thread t = new Thread(() -> {
                try {
                    boolean more = true;
                    while (more) {
                        more = false;
                        boolean sentAny = false;
                        Instant limit = pace > 0 ? from.plusNanos((long) ((System.nanoTime() - t0) * pace)) : Instant.MAX;
                        for (int i = conn; i < herd.size(); i += connections) {
                            LoadCollar c = herd.get(i);
                            Instant now = Instant.now();
                            if (c.hasBacklog(now)) {
                                more = true;
                                if (c.nextBatchEnd().isAfter(limit)) {
                                    continue; // paced: not yet
                                }
                                radio.publish(c.upTopic(), c.nextFrame(now));
                                sent[conn]++;
                                sentAny = true;
                            }
                        }
                        if (more && !sentAny) {
                            radio.flush();
                            Thread.sleep(5);
                        }
                        if (!more && until.isPresent() && Instant.now().isBefore(until.get())) {
                            radio.flush();
                            Thread.sleep(50); // all caught up: wait for the next batches to fall due
                            more = true;
                        }
                    }
                    radio.drain();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    failed[conn] = e;
                }
            }, "load-" + p);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        for (Exception e : failed) {
            if (e != null) {
                throw new IOException("publishing failed: " + e.getMessage(), e);
            }
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
                               double publishS, double handledS, String memory) {
        long got = received(after) - received(before);
        long rejected = rejected(after) - rejected(before);
        System.out.printf("start to healthy:  %d ms (spawn of the JVM to the first /health \"ok\")%n", healthy.toMillis());
        System.out.printf("frames:            %d published and acknowledged by the broker, %d received by the gateway,"
                + " %d rejected, lost %d%n", sent, got, rejected, sent - got);
        System.out.printf("sustained:         %.0f frames/s offered by the publishers (%.1f s), %.0f frames/s handled by"
                        + " the gateway (%.1f s, first publish to last frame handled)%n",
                sent / publishS, publishS, got / handledS, handledS);
        latency("frame to alarm, backlog replay (ingest saturated):", after, before);
        System.out.printf("memory:            %s (%d collars)%n", memory, n);
    }

    /** CPU seconds so far of the gateway, mosquitto and this JVM (the publishers). */
    private static double[] cpu(GatewayProcess gw, Broker broker) {
        return new double[] {CpuTime.seconds(gw.pid()), CpuTime.seconds(broker.pid()),
                CpuTime.seconds(ProcessHandle.current().pid())};
    }

    /**
     * CPU time per 1,000 frames handled, of each process, over the streaming phase: unlike frames/s it
     * hardly depends on what else runs on the machine.
     */
    private static void cpuReport(double[] before, double[] after, long frames) {
        String[] who = {"gateway", "mosquitto", "publisher"};
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < who.length; i++) {
            double s = after[i] - before[i];
            line.append(String.format(Locale.ROOT, "%s%s %.1f CPU-s = %.1f CPU-ms per 1000 frames", i == 0 ? "" : "; ",
                    who[i], s, frames == 0 ? 0 : s * 1e6 / frames));
        }
        System.out.println("cpu while streaming: " + line);
    }

    /**
     * The gateway's CPU per 1,000 frames by thread (group) over the streaming phase, largest first, those
     * under 0.5 ms left out: shows which thread limits the rate and whether both cores are used.
     */
    private static void threadReport(Map<String, Double> before, Map<String, Double> after, long frames) {
        if (frames == 0) {
            return;
        }
        String line = after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) * 1e6 / frames))
                .filter(e -> e.getValue() >= 0.5)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        System.out.println("gateway threads:   CPU-ms per 1000 frames: " + line);
    }

    /** The gateway's collections while the backlog streamed: full ones mean its heap is too small for the herd. */
    private static void gcReport(Optional<double[]> before, Optional<double[]> after) {
        if (before.isEmpty() || after.isEmpty()) {
            System.out.println("gc while streaming: not readable (no jstat)");
            return;
        }
        double[] b = before.get();
        double[] a = after.get();
        System.out.printf(Locale.ROOT, "gc while streaming: %.0f young collections (%.1f s), %.0f full (%.1f s)%n",
                a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3]);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void latency(String what, Map<String, Double> after, Map<String, Double> before) {
        Latency.of(after, before).ifPresentOrElse(
                l -> System.out.printf("%s p50 %s, p99 %s over %d alarms (bucket upper bounds of"
                        + " herdgate_frame_to_alarm_seconds)%n", what, l.p50(), l.p99(), l.count()),
                () -> System.out.println(what + " no alarm raised"));
    }

    /**
     * Bytes written, scaled to an hour of event time for 100 cows: each sample batch covers 4 s of a
     * cow's time, so the frames sent cover {@code frames x 4 s} cow-seconds, and per hour per 100 cows =
     * bytes / (that / 100 / 3600). Includes the flush at the gateway's stop.
     */
    private static void written(long frames, long[] before, long[] after) {
        double hundredCowHours = frames * LoadCollar.BATCH_SPAN.toSeconds() / 3600.0 / 100;
        double wchar = (after[0] - before[0]) / 1e6;
        double device = (after[1] - before[1]) / 1e6;
        System.out.printf(Locale.ROOT, "written:           %.2f MB asked of the file system (wchar), %.2f MB sent to the"
                        + " block device, over %.1f hours x 100 cows: %.2f MB/h per 100 cows (wchar), %.2f (device)%n",
                wchar, device, hundredCowHours, wchar / hundredCowHours, device / hundredCowHours);
    }

    static Path writeConfig(Path work, String broker, int httpPort) throws IOException {
        Files.writeString(work.resolve("rules.yaml"), String.join("\n",
                "version: 1",
                "herd:",
                "  no_motion:",
                "    min_duration_min: 30",
                "  battery:",
                "    min_readings: 1", ""));
        Path config = work.resolve("herdgate.yaml");
        Files.writeString(config, String.join("\n",
                "data_dir: " + work.resolve("data"),
                "time_zone: UTC",
                "rules_file: rules.yaml",
                "links:",
                "  mqtt:",
                "    broker: " + broker,
                "    gateway_name: " + GATEWAY,
                "http:",
                "  bind: 127.0.0.1",
                "  port: " + httpPort,
                "logging:",
                "  level: info",
                "  file: " + work.resolve("herdgate.log"), ""));
        return config;
    }

    /** {@code --name value} pairs; a {@code --name} followed by another option or by nothing is a flag, "true". */
    static Map<String, String> options(String[] args) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            m.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        return m;
    }
}
