package io.herdgate.gateway.runtime;

import io.herdgate.gateway.link.IngestHandler;
import io.herdgate.gateway.metrics.Histogram;
import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.gateway.ingest.IngestResult;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Frame-to-alarm latency: the time from a frame's arrival at the gateway (its {@code receivedAt}, stamped by
 * the link) to an alarm raised while that frame is handled, i.e. the frame that completed the minute that
 * raised it. Alarms raised by the minute tick (offline) have no such frame and are not timed. Measured on
 * the gateway clock, so queueing in the ingest counts; observed in seconds.
 */
final class FrameLatency {

    private final Clock clock;
    /** The frame being handled on this (the ingest) thread. */
    private final ThreadLocal<Instant> arrival = new ThreadLocal<>();
    volatile Optional<Histogram> histogram = Optional.empty();

    FrameLatency(Clock clock) {
        this.clock = clock;
    }

    /** {@code handler}, with each frame's arrival known while it is handled. */
    IngestHandler around(IngestHandler handler) {
        return new IngestHandler() {
            @Override
            public IngestResult frame(InboundFrame frame) {
                return during(frame.receivedAt(), () -> handler.frame(frame));
            }

            @Override
            public IngestResult json(CollarEui eui, Message message, Instant receivedAt) {
                return during(receivedAt, () -> handler.json(eui, message, receivedAt));
            }
        };
    }

    private IngestResult during(Instant receivedAt, java.util.function.Supplier<IngestResult> work) {
        arrival.set(receivedAt);
        try {
            return work.get();
        } finally {
            arrival.remove();
        }
    }

    /** An alarm was raised: timed when it was raised while a frame was handled on this thread. */
    void raised() {
        Instant at = arrival.get();
        if (at != null) {
            Duration d = Duration.between(at, clock.instant());
            histogram.ifPresent(h -> h.observeNanos(Math.max(0, d.toNanos())));
        }
    }
}
