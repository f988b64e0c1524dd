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
    /**
     * The arrival of the frame being handled on this (the ingest) thread, in a holder per thread: a
     * thread-local's set after a remove makes a new weak map entry, once per frame.
     */
    private final ThreadLocal<Instant[]> arrival = ThreadLocal.withInitial(() -> new Instant[1]);
    volatile Optional<Histogram> histogram = Optional.empty();

    FrameLatency(Clock clock) {
        this.clock = clock;
    }

    /** {@code handler}, with each frame's arrival known while it is handled. */
    IngestHandler around(IngestHandler handler) {
        return new IngestHandler() {
            @Override
            public IngestResult frame(InboundFrame frame) {
                Instant[] at = handling(frame.receivedAt());
                try {
                    return handler.frame(frame);
                } finally {
                    at[0] = null;
                }
            }

            @Override
            public IngestResult json(CollarEui eui, Message message, Instant receivedAt) {
                Instant[] at = handling(receivedAt);
                try {
                    return handler.json(eui, message, receivedAt);
                } finally {
                    at[0] = null;
                }
            }
        };
    }

    /** Notes on this thread that the frame that arrived at {@code receivedAt} is being handled. */
    private Instant[] handling(Instant receivedAt) {
        Instant[] at = arrival.get();
        at[0] = receivedAt;
        return at;
    }

    /** An alarm was raised: timed when it was raised while a frame was handled on this thread. */
    void raised() {
        Instant at = arrival.get()[0];
        if (at != null) {
            Duration d = Duration.between(at, clock.instant());
            histogram.ifPresent(h -> h.observeNanos(Math.max(0, d.toNanos())));
        }
    }
}
