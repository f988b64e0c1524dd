package io.herdgate.gateway.fault;

import io.herdgate.gateway.alarm.AlarmView;
import io.herdgate.gateway.config.ConfigCheck;
import io.herdgate.gateway.config.GatewayConfigFile;
import io.herdgate.gateway.logging.GatewayLogging;
import io.herdgate.gateway.runtime.Gateway;
import io.herdgate.gateway.runtime.GatewayStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The gateway under test as its own process: built from the configuration file named by the first
 * argument, exactly as {@code herdgate run} builds it, except that its wall clock and its monotonic
 * ticker are the driver's (test-only: simulated time, so a night of a herd runs in seconds). Commands on
 * standard input, one per line, each answered by one line on standard output:
 * <ul>
 *   <li>{@code at MILLIS}: the monotonic time is now MILLIS (epoch ms of simulated time) and the wall
 *       clock that plus the current offset; the due scheduled jobs run (outbox pump, desk, ticks).
 *       Answer {@code ok ACCEPTED REJECTED OBSERVATIONS}, the frame and observation counts since this process
 *       started.</li>
 *   <li>{@code set MILLIS}: the time moves as for {@code at}, nothing runs (a frame is about to arrive:
 *       links date frames by the clock at arrival). Answer as for {@code at}.</li>
 *   <li>{@code frames}: the same counts, nothing run.</li>
 *   <li>{@code jump MILLIS}: the wall clock steps by MILLIS (negative: back) without the monotonic time,
 *       as when NTP or a wrong RTC steps it. Answer {@code ok}.</li>
 *   <li>{@code alarms}: one line {@code alarm ID STATE MESSAGES NOTE} per alarm the desk lists, then {@code end}.</li>
 *   <li>{@code stop}: a clean stop; answer {@code stopped}.</li>
 * </ul>
 * It prints {@code ready} once started. Logs go to standard error.
 */
public final class ChildGateway {

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
                    case "at" -> {
                        time.mono = Long.parseLong(w[1]);
                        g.runSchedule();
                        GatewayStatus s = g.status();
                        out.println("ok " + s.framesAccepted() + " " + s.framesRejected() + " " + s.observations());
                    }
                    case "set", "frames" -> {
                        if (w[0].equals("set")) {
                            time.mono = Long.parseLong(w[1]);
                        }
                        GatewayStatus s = g.status();
                        out.println("ok " + s.framesAccepted() + " " + s.framesRejected() + " " + s.observations());
                    }
                    case "jump" -> {
                        time.offset += Long.parseLong(w[1]);
                        out.println("ok");
                    }
                    case "alarms" -> {
                        for (AlarmView v : g.alarmDesk().alarms(true)) {
                            out.println("alarm " + v.id().value() + " " + v.state().label() + " " + v.messages() + " "
                                    + v.note().orElse("-"));
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
