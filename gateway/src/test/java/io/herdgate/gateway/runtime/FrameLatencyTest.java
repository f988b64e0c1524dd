package io.herdgate.gateway.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.gateway.ingest.IngestResult;
import io.herdgate.gateway.link.IngestHandler;
import io.herdgate.gateway.metrics.Histogram;
import io.herdgate.gateway.metrics.MetricRegistry;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.CollarEvent;
import io.herdgate.protocol.message.Message;
import io.herdgate.sim.herd.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameLatencyTest {

    private static final Instant T0 = Instant.parse("2026-05-01T06:00:00Z");
    private static final CollarEui EUI = CollarEui.parse("70B3D57ED0001234");

    private final ManualClock clock = ManualClock.of(T0);
    private final FrameLatency latency = new FrameLatency(clock);
    private final Histogram histogram = MetricRegistry.create().histogram("t", "t", Histogram.LATENCY_SECONDS);

    @Test
    void alarmRaisedWhileAFrameIsHandled_isTimedFromThatFramesArrival() {
        latency.histogram = Optional.of(histogram);
        IngestHandler timed = latency.around(raisingAfter(Duration.ofMillis(40)));

        timed.frame(InboundFrame.of(new byte[0], T0));
        timed.json(EUI, CollarEvent.of(CollarEvent.Kind.IMPACT, 0, 2500, 40), clock.instant());

        Histogram.Snapshot s = histogram.snapshot();
        assertEquals(2, s.count());
        assertEquals(0.080, s.sum(), 1e-9);
    }

    @Test
    void alarmRaisedBetweenFramesOrOnAnotherThread_isNotTimed() throws Exception {
        latency.histogram = Optional.of(histogram);
        latency.around(raisingAfter(Duration.ZERO)).frame(InboundFrame.of(new byte[0], T0));
        latency.raised(); // after the frame: the minute tick, say
        Thread other = new Thread(latency::raised);
        other.start();
        other.join();

        assertEquals(1, histogram.snapshot().count());
    }

    /** A pipeline whose every uplink raises an alarm {@code after} its arrival. */
    private IngestHandler raisingAfter(Duration after) {
        return new IngestHandler() {
            @Override
            public IngestResult frame(InboundFrame frame) {
                clock.advance(after);
                latency.raised();
                return new IngestResult.Joined(EUI);
            }

            @Override
            public IngestResult json(CollarEui eui, Message message, Instant receivedAt) {
                clock.advance(after);
                latency.raised();
                return new IngestResult.Joined(eui);
            }
        };
    }
}
