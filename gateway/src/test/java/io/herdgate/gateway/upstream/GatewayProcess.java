package io.herdgate.gateway.upstream;

import io.herdgate.gateway.store.Database;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One gateway as its own process, for {@link GatewayProcessesTest}: with its own database it reports
 * health, a collar's status, three minutes of a cow's features and a heat alarm from the detection
 * engine; with a fourth argument a farmer of that name then acknowledges the alarm. It exits 0 once
 * the upstream broker has acknowledged everything, 1 if that takes over 60 s.
 *
 * <p>Arguments: broker URI, gateway name, database file, [contact who acknowledges].
 */
public final class GatewayProcess {

    static final Instant RAISED = Instant.parse("2026-11-21T05:40:00Z");

    private GatewayProcess() {
    }

    public static void main(String[] args) throws Exception {
        GatewayName name = GatewayName.of(args[1]);
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);
        Instant now = clock.instant();
        try (Database db = Database.open(Path.of(args[2]));
             Upstream upstream = Upstream.start(UpstreamSettings.of(args[0], name)
                     .withReconnect(Duration.ofMillis(100), Duration.ofSeconds(1)), db, clock)) {
            upstream.publish(UpstreamEvent.GatewayHealth.of("ok", List.of(), now));
            CowId cow = CowId.of(name + "-cow-1");
            upstream.publish(UpstreamEvent.CollarStatus.of(CollarEui.parse("70B3D57ED0001234"), Optional.of(cow), true,
                    Optional.of(now), OptionalInt.of(3650), OptionalInt.of(-88), now));
            for (int m = 0; m < 3; m++) {
                upstream.publish(UpstreamEvent.FeatureMinute.of(cow, now.plusSeconds(60L * m), Map.of("activity", 1.0 + m)));
            }
            Alarm heat = Alarm.of(cow, AlarmType.HEAT, RAISED, Severity.WARNING,
                    Explanation.of("activity", 3.2, OptionalDouble.of(1.1), 2.0, Duration.ofHours(2), Map.of()));
            upstream.alarmListener().onEvent(AlarmEvent.Raised.of(heat));
            if (args.length > 3) {
                upstream.publish(UpstreamEvent.AlarmChange.of(cow, AlarmType.HEAT, RAISED, Severity.WARNING,
                        AlarmState.ACKNOWLEDGED, now, Optional.of(args[3])));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (upstream.status().queued() > 0) {
                if (System.nanoTime() > deadline) {
                    System.err.println("not delivered: " + upstream.status());
                    System.exit(1);
                }
                Thread.sleep(20);
            }
        }
    }
}
