package io.herdgate.gateway.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herdgate.gateway.alarm.AlarmView;
import io.herdgate.gateway.config.ConfigCheck;
import io.herdgate.gateway.config.GatewayConfigFile;
import io.herdgate.gateway.logging.GatewayLogging;
import io.herdgate.gateway.runtime.Gateway;
import io.herdgate.gateway.runtime.GatewayStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The gateway under test as its own process: built from the configuration file named by the first
 * argument, exactly as {@code herdgate run} builds it, except that its wall clock and its monotonic
 * ticker are the driver's (test-only: simulated time, so a night of a herd runs in seconds). Commands on
 * standard input, one per line, each answered by one line on standard output:
 * <ul>
 *   <li>{@code at MILLIS HANDLED}: first waits (at most {@link #QUIET_LIMIT}) until this process has handled
 *       HANDLED frames (accepted or rejected); then the monotonic time is MILLIS (epoch ms of simulated
 *       time) and the wall clock that plus the current offset, and the due scheduled jobs run (outbox
 *       pump, desk, ticks). Answer {@code ok ACCEPTED REJECTED OBSERVATIONS quiet|late}: the frame and
 *       observation counts since this process started, and {@code late} when the wait gave up.</li>
 *   <li>{@code set MILLIS HANDLED}: waits and moves the time as for {@code at}, nothing runs (a frame is
 *       about to arrive: links date frames by the clock at arrival). Answer as for {@code at}.</li>
 *   <li>{@code frames}: the same counts, nothing run.</li>
 *   <li>{@code rejected}: the frames rejected since this process started, by reason, as {@code /health}
 *       reports them: {@code ok REASON=COUNT ...}.</li>
 *   <li>{@code links MILLIS}: waits at most MILLIS until {@code /health} shows every link up (the MQTT link
 *       subscribed, the serial port open); answer {@code ok up} or {@code ok STATES}.</li>
 *   <li>{@code jump MILLIS}: the wall clock steps by MILLIS (negative: back) without the monotonic time,
 *       as when NTP or a wrong RTC steps it. Answer {@code ok}.</li>
 *   <li>{@code alarms}: one line {@code alarm ID MESSAGES} per alarm the desk lists (messages queued for
 *       it), then {@code end}.</li>
 *   <li>{@code stop}: a clean stop; answer {@code stopped}.</li>
 * </ul>
 * It prints {@code ready} once started. Logs go to standard error.
 */
public final class ChildGateway {

    /** Longest wait in {@code at} and {@code set} for the frames already sent to be handled. */
    static final Duration QUIET_LIMIT = Duration.ofSeconds(10);

    private ChildGateway() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ConfigCheck check = GatewayConfigFile.read(Path.of(args[0]));
        if (!(check instanceof ConfigCheck.Valid valid)) {
            out.println("invalid " + check);
            return;
        }
        GatewayLogging.toStderr(valid.config().logging().level());
        Stepped time = new Stepped(Instant.parse(args[1]).toEpochMilli());
        try (Gateway g = Gateway.builder(valid.config()).clock(time).ticker(() -> time.mono * 1_000_000L)
                .manualSchedule().start()) {
            out.println("ready");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] w = line.split(" ");
                switch (w[0]) {
                    case "at", "set" -> {
                        boolean quiet = awaitHandled(g, Long.parseLong(w[2]));
                        time.mono = Long.parseLong(w[1]);
                        if (w[0].equals("at")) {
                            g.runSchedule();
                        }
                        out.println(counts(g) + (quiet ? " quiet" : " late"));
                    }
                    case "frames" -> out.println(counts(g) + " quiet");
                    case "rejected" -> {
                        List<String> pairs = new ArrayList<>();
                        health(g).path("frames").path("rejected").fields()
                                .forEachRemaining(e -> pairs.add(e.getKey() + "=" + e.getValue().asLong()));
                        out.println("ok " + String.join(" ", pairs));
                    }
                    case "links" -> out.println("ok " + awaitLinksUp(g, Duration.ofMillis(Long.parseLong(w[1]))));
                    case "jump" -> {
                        time.offset += Long.parseLong(w[1]);
                        out.println("ok");
                    }
                    case "alarms" -> {
                        for (AlarmView v : g.alarmDesk().alarms(true)) {
                            out.println("alarm " + v.id().value() + " " + v.messages());
                        }
                        out.println("end");
                    }
                    case "stop" -> {
                        g.close();
                        out.println("stopped");
                        return;
                    }
                    default -> out.println("unknown command " + line);
                }
            }
        }
    }

    /** Waits until {@code handled} frames are handled (true), or {@link #QUIET_LIMIT} passed (false). */
    private static boolean awaitHandled(Gateway g, long handled) {
        long deadline = System.nanoTime() + QUIET_LIMIT.toNanos();
        while (handled(g) < handled) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(200_000);
        }
        return true;
    }

    private static JsonNode health(Gateway g) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + g.httpPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }

    /** "up" once every link is up, else the links' states when {@code limit} has passed. */
    private static String awaitLinksUp(Gateway g, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            List<String> states = new ArrayList<>();
            health(g).path("links").forEach(l -> states.add(l.path("name").asText() + ":" + l.path("state").asText()));
            if (states.stream().allMatch(st -> st.endsWith(":up"))) {
                return "up";
            }
            if (System.nanoTime() > deadline) {
                return String.join(",", states);
            }
            Thread.sleep(50);
        }
    }

    private static long handled(Gateway g) {
        GatewayStatus s = g.status();
        return s.framesAccepted() + s.framesRejected();
    }

    private static String counts(Gateway g) {
        GatewayStatus s = g.status();
        return "ok " + s.framesAccepted() + " " + s.framesRejected() + " " + s.observations();
    }

    /** Simulated time: a monotonic part the driver moves and an offset the wall clock is stepped by. */
    private static final class Stepped extends Clock {
        volatile long mono;
        volatile long offset;

        Stepped(long start) {
            mono = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("fixed to UTC");
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(mono + offset);
        }
    }
}
