package io.herdgate.bench.load;

import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.phone.Delivered;
import io.herdgate.gateway.phone.FakeCloudApi;
import io.herdgate.gateway.phone.FakeCloudApiSettings;
import io.herdgate.gateway.runtime.Gateway;
import io.herdgate.gateway.store.CowRecord;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.Herd;
import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.gateway.whatsapp.WhatsAppWebhook;
import io.herdgate.rules.config.GroupName;
import io.herdgate.rules.series.CowId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alarm latency under load: from the moment a detector raises a critical alarm in the gateway to the
 * moment the fake WhatsApp Cloud API receives the {@code POST /messages} for it, while N collars stream
 * through a real mosquitto into the gateway (a child JVM with a small heap, as in {@link LoadHarness}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.herdgate.bench.load.AlarmLatencyHarness \
 *     [--collars 2000] [--backlog-min 45] [--down 20] [--down-spacing-s 20] [--burst 1] [--pace 4] [--connections 4]
 *     [--xmx 64m] [--per-alarm]
 *     [--jvm "options"] [--jar gateway/target/herdgate.jar]
 * </pre>
 *
 * <p>The backlog is replayed at {@code --pace} times real time (0: flat out); a batch's wait in the broker
 * and the ingest queue then varies by seconds, which the gateway's sample dating absorbs (it follows the
 * collars' frame counters; the harness prints how the batches met their streams, from
 * {@code herdgate_sample_batches_total}). The alarms are real: cows {@code 0 .. down-1} go down (the
 * simulator's motion model) in bursts of {@code burst} cows at the same instant, the bursts {@code down-spacing-s}
 * of event time apart from minute 2 of the backlog on, and the gateway's no-motion detector, set to 30 minutes
 * (the shortest a vet may set), raises the critical cow-down alarm as the replay reaches it. Each such cow is
 * in a group of its own routed to a farmer of its own, so WhatsApp's pair-rate limit (one message per 6 s to
 * one number) does not pace them. The raise is timed where the gateway hands the detector's event to the
 * alarm desk (its log line {@code alarm raised: ... raised <instant>}, the system clock), the receipt where
 * the fake takes the request off the socket (the same clock, same machine). Printed: count, p50, p99, max for
 * critical alarms and for all alarms routed to a farmer; where the time goes, from the gateway's log (the
 * outbox row committed, a delivery worker taking it); when each critical alarm's chart followed; the
 * gateway's frame-to-alarm p50/p99 for the same alarms, and the gateway's CPU time.
 *
 * <p>{@code --per-alarm} also prints each down cow's alarm on a line of its own, in the order raised: its burst,
 * the time since the previous down cow's raise, how many alarms (routed or not) the gateway raised in the
 * second before it, each step's ms, and the gateway's GC pauses inside its raise → POST window (the harness
 * adds {@code -Xlog:gc:file=<work>/gc.log:time} to the gateway's options for that).
 */
public final class AlarmLatencyHarness {

    private static final String PHONE_ID = "106540352242922";
    private static final Secret TOKEN = Secret.of("load-access-token");
    private static final Secret APP_SECRET = Secret.of("load-app-secret");
    /** Event time into the backlog at which the first cow goes down. */
    private static final Duration DOWN_FROM = Duration.ofMinutes(2);
    private static final String STREAMS = "herdgate_sample_batches_total";
    private static final Pattern RAISED = Pattern.compile("alarm raised: cow (\\S+) (\\S+) (\\S+) at \\S+, raised (\\S+)");
    /** The outbox's log of a farmer's first message committed, and of its first send attempt (the pump took it). */
    private static final Pattern QUEUED = Pattern.compile("outbox: queued alarm/\\d+/farmer-(\\d+)/0 .* committed (\\S+)");
    private static final Pattern PICKED = Pattern.compile("outbox: sending alarm/\\d+/farmer-(\\d+)/0 on WHATSAPP, attempt 1, picked (\\S+)");

    private AlarmLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = LoadHarness.options(args);
        int collars = Integer.parseInt(a.getOrDefault("collars", "2000"));
        Duration backlog = Duration.ofMinutes(Long.parseLong(a.getOrDefault("backlog-min", "45")));
        int down = Integer.parseInt(a.getOrDefault("down", "20"));
        Duration spacing = Duration.ofSeconds(Long.parseLong(a.getOrDefault("down-spacing-s", "20")));
        int burst = Integer.parseInt(a.getOrDefault("burst", "1"));
        if (burst < 1) {
            System.err.println("alarm latency: --burst must be at least 1, got " + burst);
            return;
        }
        double pace = Double.parseDouble(a.getOrDefault("pace", "4"));
        int connections = Integer.parseInt(a.getOrDefault("connections", "4"));
        List<String> jvm = new ArrayList<>(LoadHarness.jvmOptions(a));
        boolean perAlarm = Boolean.parseBoolean(a.getOrDefault("per-alarm", "false"));
        Path jar = Path.of(a.getOrDefault("jar", "gateway/target/herdgate.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("alarm latency: " + jar + " not found; build it first: mvn -B -q -DskipTests package");
            return;
        }
        Duration lastRaise = DOWN_FROM.plus(Duration.ofMinutes(30)).plus(spacing.multipliedBy((down + burst - 1) / burst));
        if (lastRaise.compareTo(backlog) >= 0) {
            System.err.printf("alarm latency: the last cow-down would be raised at minute %d of a %d-minute backlog; "
                    + "lengthen --backlog-min or lower --down%n", lastRaise.toMinutes(), backlog.toMinutes());
            return;
        }
        Path work = Files.createTempDirectory("herdgate-alarm-latency");
        Path gcLog = work.resolve("gc.log");
        if (perAlarm) {
            jvm.add("-Xlog:gc:file=" + gcLog + ":time");
        }
        System.out.printf("alarm latency: %d collars, backlog %d min at %.1fx real time, %d cows down in bursts of %d, %d s "
                + "apart, gateway %s, work %s%n", collars, backlog.toMinutes(), pace, down, burst, spacing.toSeconds(),
                String.join(" ", jvm), work);
        try (Broker broker = Broker.start(work);
             FakeCloudApi phones = FakeCloudApi.start(FakeCloudApiSettings.of(PhoneNumberId.of(PHONE_ID), TOKEN, APP_SECRET,
                     Clock.systemUTC()))) {
            int httpPort = Broker.freePort();
            Path config = writeConfig(work, broker.uri(), httpPort, phones.baseUrl(), down);
            try (GatewayProcess gw = GatewayProcess.start(jar, jvm, config, httpPort, work.resolve("data"),
                    work.resolve("gateway.out"))) {
                gw.awaitHealthy(Duration.ofSeconds(60));
                phones.webhookTo(URI.create("http://127.0.0.1:" + httpPort + WhatsAppWebhook.PATH));
                run(gw, broker, phones, collars, backlog, down, spacing, burst, connections, pace);
                Map<String, Double> metrics = gw.metrics();
                Duration cpu = gw.cpu();
                gw.stopAndReadIo();
                report(work.resolve("herdgate.log"), phones, down, burst, cpu, metrics,
                        perAlarm ? Optional.of(GcPauses.read(gcLog)) : Optional.empty());
            }
        }
    }

    private static void run(GatewayProcess gw, Broker broker, FakeCloudApi phones, int n, Duration backlog, int down,
                            Duration spacing, int burst, int connections, double pace) throws Exception {
        Instant backlogStart = Instant.now().minus(backlog);
        List<LoadCollar> herd = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Optional<Duration> downAfter = i < down ? Optional.of(DOWN_FROM.plus(spacing.multipliedBy(i / burst)))
                    : Optional.empty();
            herd.add(new LoadCollar(i, backlogStart, downAfter, backlog, Optional.empty()));
        }
        LoadHarness.pair(gw, herd);
        try (Publishers radio = new Publishers(broker.uri(), LoadHarness.GATEWAY, connections)) {
            herd.forEach(radio::add);
            LoadHarness.join(radio, herd, connections);
            List<RawUplinks> uplinks = RawUplinks.connectAll(broker.uri(), "alarm-up", connections);
            long start = System.nanoTime();
            long sent = LoadHarness.stream(uplinks, herd, Optional.empty(), pace);
            for (RawUplinks u : uplinks) {
                u.close();
            }
            System.out.printf("streamed:          %d frames in %.1f s (%.0f frames/s)%n", sent,
                    (System.nanoTime() - start) / 1e9, sent / ((System.nanoTime() - start) / 1e9));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (phones.phones().size() < down && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            // Critical alarms' charts follow as messages of their own, after WhatsApp's pair-rate wait.
            while (phones.phones().stream().anyMatch(p -> phones.inbox(p).size() < 2) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
    }

    private static void report(Path log, FakeCloudApi phones, int down, int burst, Duration cpu,
                               Map<String, Double> metrics, Optional<GcPauses> gc) throws IOException {
        Map<String, Long> streams = new LinkedHashMap<>();
        metrics.forEach((k, v) -> {
            if (k.startsWith(STREAMS + "{stream=\"")) {
                streams.put(k.substring(STREAMS.length() + 9, k.length() - 2), v.longValue());
            }
        });
        System.out.printf("sample batches:    %s (%s)%n", streams, STREAMS);
        Map<String, Raise> raised = new HashMap<>();
        Map<Integer, Instant> queued = new HashMap<>();
        Map<Integer, Instant> picked = new HashMap<>();
        List<Instant> everyRaise = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = RAISED.matcher(line);
            if (m.find()) {
                raised.putIfAbsent(m.group(1), new Raise(m.group(2), m.group(3).equals("critical"), Instant.parse(m.group(4))));
                everyRaise.add(Instant.parse(m.group(4)));
            }
            m = QUEUED.matcher(line);
            if (m.find()) {
                queued.putIfAbsent(Integer.parseInt(m.group(1)), Instant.parse(m.group(2)));
            }
            m = PICKED.matcher(line);
            if (m.find()) {
                picked.putIfAbsent(Integer.parseInt(m.group(1)), Instant.parse(m.group(2)));
            }
        }
        List<Double> all = new ArrayList<>();
        List<Double> critical = new ArrayList<>();
        List<Double> toQueued = new ArrayList<>();
        List<Double> toPicked = new ArrayList<>();
        List<Double> toPost = new ArrayList<>();
        List<Double> toChart = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        int missing = 0;
        for (int i = 0; i < down; i++) {
            Raise r = raised.get(Integer.toString(10_000 + i));
            // From the raise on: a run that spans the daily summary's hour has sent the farmer that first.
            List<Delivered> inbox = r == null ? List.of()
                    : phones.inbox(farmer(i)).stream().filter(d -> !d.at().isBefore(r.at())).toList();
            if (r == null || inbox.isEmpty()) {
                missing++;
                continue;
            }
            Instant post = inbox.get(0).at();
            all.add(ms(r.at(), post));
            if (r.critical()) {
                critical.add(ms(r.at(), post));
            }
            if (queued.containsKey(i) && picked.containsKey(i)) {
                toQueued.add(ms(r.at(), queued.get(i)));
                toPicked.add(ms(queued.get(i), picked.get(i)));
                toPost.add(ms(picked.get(i), post));
                samples.add(new Sample(i, i / burst, r.at(), queued.get(i), picked.get(i), post));
            }
            inbox.stream().skip(1).filter(d -> d.image().isPresent()).findFirst()
                    .ifPresent(chart -> toChart.add(ms(r.at(), chart.at())));
        }
        System.out.printf("alarms raised:     %d (%d critical), %d farmers messaged, %d down cows without raise and message%n",
                raised.size(), raised.values().stream().filter(Raise::critical).count(), phones.phones().size(), missing);
        System.out.println("raise to POST:     " + summary(critical) + " (critical alarms)");
        System.out.println("                   " + summary(all) + " (all alarms routed to a farmer)");
        System.out.println("  raise → queued:  " + summary(toQueued) + " (desk recorded the alarm, outbox row committed)");
        System.out.println("  queued → picked: " + summary(toPicked) + " (a delivery worker woken, row claimed)");
        System.out.println("  picked → POST:   " + summary(toPost) + " (template rendered, request received by the fake API)");
        System.out.println("raise to chart:    " + summary(toChart) + " (the chart's own message, after the pair-rate wait)");
        Latency.of(metrics, Map.of()).ifPresent(l -> System.out.printf("frame to alarm:    p50 %s, p99 %s over %d alarms "
                + "(bucket upper bounds of herdgate_frame_to_alarm_seconds)%n", l.p50(), l.p99(), l.count()));
        System.out.printf("gateway CPU:       %.1f s (user + system)%n", cpu.toMillis() / 1000.0);
        System.out.printf("violations:        %s%n", phones.violations());
        System.out.printf("API connections:   %d (client connections that sent requests; keep-alive reuses one)%n",
                phones.connections());
        gc.ifPresent(pauses -> perAlarm(samples, everyRaise, pauses));
    }

    /** One line per down cow's alarm, in the order raised (see the class comment). */
    private static void perAlarm(List<Sample> samples, List<Instant> everyRaise, GcPauses gc) {
        List<Sample> byRaise = new ArrayList<>(samples);
        byRaise.sort(Comparator.comparing(Sample::raised));
        System.out.println("per alarm (raise order; ms): cow burst since-previous raised-1s-before raise→queued "
                + "queued→picked picked→POST raise→POST | GC pauses in raise→POST");
        for (Sample s : byRaise) {
            Optional<Instant> previous = byRaise.stream().map(Sample::raised).filter(t -> t.isBefore(s.raised()))
                    .max(Instant::compareTo);
            long before = everyRaise.stream().filter(t -> t.isBefore(s.raised())
                    && !t.isBefore(s.raised().minusSeconds(1))).count();
            List<GcPauses.Pause> pauses = gc.within(s.raised(), s.post());
            String gcText = pauses.isEmpty() ? "-" : pauses.size() + " (" + String.join(", ", pauses.stream()
                    .map(p -> String.format(Locale.ROOT, "%s %.1f", p.kind(), p.ms())).toList()) + ")";
            System.out.printf(Locale.ROOT, "  %3d %3d %8s %4d %7.1f %7.1f %7.1f %7.1f | %s%n", s.cow(), s.burst(),
                    previous.map(p -> String.format(Locale.ROOT, "%.0f", ms(p, s.raised()))).orElse("-"), before,
                    ms(s.raised(), s.queued()), ms(s.queued(), s.picked()), ms(s.picked(), s.post()),
                    ms(s.raised(), s.post()), gcText);
        }
        System.out.printf(Locale.ROOT, "gc: %d pauses, %d full; %.0f ms in all%n", gc.pauses().size(),
                gc.pauses().stream().filter(p -> p.kind().equals("Full")).count(),
                gc.pauses().stream().mapToDouble(GcPauses.Pause::ms).sum());
    }

    /** One down cow's alarm on its way: raised, outbox row committed, picked by a worker, POST received. */
    private record Sample(int cow, int burst, Instant raised, Instant queued, Instant picked, Instant post) {
    }

    /** A detector's raise as the gateway logged it. */
    private record Raise(String type, boolean critical, Instant at) {
    }

    private static double ms(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    /** Count, p50, p99 and max of {@code values} in ms. */
    private static String summary(List<Double> values) {
        if (values.isEmpty()) {
            return "count 0";
        }
        List<Double> v = new ArrayList<>(values);
        v.sort(Double::compare);
        return String.format(Locale.ROOT, "count %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms", v.size(), rank(v, 0.50),
                rank(v, 0.99), v.get(v.size() - 1));
    }

    /** Nearest-rank percentile of sorted {@code v}. */
    private static double rank(List<Double> v, double q) {
        return v.get(Math.max(0, (int) Math.ceil(q * v.size()) - 1));
    }

    private static PhoneNumber farmer(int i) {
        return PhoneNumber.of(String.format(Locale.ROOT, "+49151200%05d", i));
    }

    private static Path writeConfig(Path work, String broker, int httpPort, URI api, int down) throws IOException {
        Files.writeString(work.resolve("rules.yaml"), String.join("\n",
                "version: 1",
                "herd:",
                "  no_motion:",
                "    min_duration_min: 30", ""));
        StringBuilder contacts = new StringBuilder("contacts:\n");
        StringBuilder routes = new StringBuilder("routes:\n");
        for (int i = 0; i < down; i++) {
            contacts.append("""
                      - id: farmer-%d
                        name: Farmer %d
                        phone: "%s"
                        language: en
                        role: farmer
                        opt-in: {at: 2026-01-01, how: signed form}
                    """.formatted(i, i, farmer(i).e164()));
            routes.append("""
                      - name: pen-%d
                        severity: critical
                        groups: [pen-%d]
                        chain:
                          - contact: farmer-%d
                    """.formatted(i, i, i));
        }
        Files.writeString(work.resolve("contacts.yaml"), contacts + routes.toString() + "grouping: {window: 0m}\n");
        Files.writeString(work.resolve("wa-token"), TOKEN.reveal() + "\n");
        Files.writeString(work.resolve("wa-secret"), APP_SECRET.reveal() + "\n");
        Files.writeString(work.resolve("wa-verify"), "load-verify\n");
        Path data = work.resolve("data");
        Files.createDirectories(data);
        try (Database db = Database.open(data.resolve(Gateway.DATABASE_FILE))) {
            for (int i = 0; i < down; i++) {
                Herd.of(db).save(CowRecord.of(CowId.of(Integer.toString(10_000 + i)), Optional.of(GroupName.of("pen-" + i)),
                        Optional.empty(), Optional.empty()));
            }
        }
        Path config = work.resolve("herdgate.yaml");
        Files.writeString(config, String.join("\n",
                "data_dir: " + data,
                "time_zone: UTC",
                "rules_file: rules.yaml",
                "contacts_file: contacts.yaml",
                "links:",
                "  mqtt:",
                "    broker: " + broker,
                "    gateway_name: load",
                "http:",
                "  bind: 127.0.0.1",
                "  port: " + httpPort,
                "whatsapp:",
                "  api_url: " + api,
                "  phone_number_id: \"" + PHONE_ID + "\"",
                "  token_file: wa-token",
                "  app_secret: file:wa-secret",
                "  verify_token: file:wa-verify",
                "logging:",
                "  level: info",
                "  file: " + work.resolve("herdgate.log"), ""));
        return config;
    }
}
