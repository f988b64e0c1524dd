package io.herdgate.gateway.link;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.tinylog.Logger;

/** The live counters and state of one link, written by its threads and read by {@link Link#stats()}. */
final class LinkCounters {

    final AtomicLong framesIn = new AtomicLong();
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong framesOut = new AtomicLong();
    final AtomicLong downlinkErrors = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong handOffWaits = new AtomicLong();
    private final AtomicReference<LinkState> state;
    private final LinkId id;
    private final String kind;
    private final Clock clock;
    private boolean wasUp;

    LinkCounters(LinkId id, String kind, Clock clock) {
        this.id = id;
        this.kind = kind;
        this.clock = clock;
        this.state = new AtomicReference<>(new LinkState.Connecting(clock.instant()));
    }

    LinkState state() {
        return state.get();
    }

    boolean isUp() {
        return state.get() instanceof LinkState.Up;
    }

    synchronized void up() {
        if (state.get() instanceof LinkState.Closed) {
            return;
        }
        if (wasUp) {
            reconnects.incrementAndGet();
        }
        wasUp = true;
        state.set(new LinkState.Up(clock.instant()));
        Logger.info("link {} ({}) up", id, kind);
    }

    /** Records a loss or a failed attempt; warns once per outage, keeping the time it began. */
    synchronized void down(String error) {
        LinkState before = state.get();
        if (before instanceof LinkState.Closed) {
            return;
        }
        if (before instanceof LinkState.Down d) {
            if (!d.error().equals(error)) {
                // Still down, for a new reason: keep the time it went down, tell the operator quietly.
                state.set(new LinkState.Down(d.since(), error));
                Logger.debug("link {} ({}) still down: {}", id, kind, error);
            }
            return;
        }
        state.set(new LinkState.Down(clock.instant(), error));
        Logger.warn("link {} ({}) down: {}", id, kind, error);
    }

    synchronized void closed() {
        state.set(new LinkState.Closed(clock.instant()));
    }

    LinkStats snapshot() {
        return new LinkStats(id, kind, state.get(), framesIn.get(), bytesIn.get(), framesOut.get(),
                downlinkErrors.get(), reconnects.get(), rejected.get(), handOffWaits.get());
    }
}
