package io.herdgate.gateway.fault;

import io.herdgate.gateway.store.UplinkTally;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.FrameHeader;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.session.CounterWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every uplink frame the herd published, per collar and session, checked against what the gateway keeps
 * durably: the last accepted counter and the number of frames accepted in the session
 * ({@link UplinkTally}, table {@code frame_counter}). A collar's counters rise by one per frame, its link
 * delivers in order, and the gateway accepts a counter only above the last: so the frames of a session not
 * counted in its tally were never accepted, or were accepted by a process killed before it wrote them.
 *
 * <p>The second kind is what the gateway gives up by design (counters and per-minute data are written
 * behind, {@code WriteBehindCounterStore}): the frames a killed process accepted after its last flush. At a
 * kill the ledger reads the tallies the dead process left and counts those frames (from the tally's counter
 * to the last frame delivered to that process); each must be younger than {@link #crashWindow} at the kill,
 * or the gateway lost more than it promises. Everything else that is not in the final tallies is missing.
 */
final class FrameLedger {

    /** One collar's current session: publish times (epoch ms, simulated) by counter, from {@code first}. */
    private static final class Session {
        long first = -1;
        final List<Long> times = new ArrayList<>();
        /** Frames the gateway accepted but had not written when it was killed. */
        long lostAtKills;
        /** Of those, frames older than the crash window at their kill. */
        long beyondWindow;
        /** While the collar's link is down: the counter of its first frame since, which the link holds; else -1. */
        long heldFrom = -1;

        long last() {
            return first < 0 ? -1 : first + times.size() - 1;
        }
    }

    /**
     * The count of a run.
     *
     * @param published       uplink frames of the collars' current sessions (join requests not included)
     * @param accepted        of those, accepted and written (the final tallies)
     * @param lostAtKills     accepted by a process killed before it wrote them (the write-behind interval)
     * @param beyondWindow    of those, older than the crash window at their kill: must be 0
     * @param missing         published, in neither count: must be 0
     * @param acceptedTwice   counted more often than published: must be 0
     * @param earlierSessions frames of sessions a later join ended (not countable: the join clears them)
     * @param missingByCollar the missing frames per collar
     */
    record Count(long published, long accepted, long lostAtKills, long beyondWindow, long missing,
                 long acceptedTwice, long earlierSessions, Map<CollarEui, Long> missingByCollar) {
    }

    private final Map<CollarEui, Session> sessions = new TreeMap<>((a, b) -> Long.compareUnsigned(a.value(), b.value()));
    private final Duration crashWindow;
    private long earlierSessions;

    /** @param crashWindow how long before a kill an accepted frame may still be unwritten (flush interval, timer period, delivery) */
    FrameLedger(Duration crashWindow) {
        this.crashWindow = crashWindow;
    }

    /** A frame the herd published at {@code at} (simulated); a join request starts the collar's new session. */
    void published(FrameHeader h, Instant at) {
        Session s = sessions.computeIfAbsent(h.eui(), e -> new Session());
        if (h.type() == MessageType.JOIN_REQUEST) {
            // the gateway clears the uplink stream at a join: a session's frames are counted from its first,
            // those of an ended session cannot be (the suite's collars join once; retries come before frames)
            earlierSessions += s.times.size();
            Session fresh = new Session();
            fresh.heldFrom = s.heldFrom < 0 ? -1 : 0;
            sessions.put(h.eui(), fresh);
            return;
        }
        long counter = CounterWindow.rebuild(s.last(), h.counter(), h.shortCounter());
        if (s.first < 0) {
            s.first = counter;
        }
        // counters rise by one per frame; pad a jump (none expected) so that its frames count as missing
        while (s.last() < counter - 1) {
            s.times.add(at.toEpochMilli());
        }
        s.times.add(at.toEpochMilli());
    }

    /** The links of {@code collars} went down: what they publish from now on is held until they are back. */
    void linkDown(Iterable<CollarEui> collars) {
        for (CollarEui c : collars) {
            Session s = sessions.computeIfAbsent(c, e -> new Session());
            if (s.heldFrom < 0) {
                s.heldFrom = s.last() + 1;
            }
        }
    }

    /** Their links are back: what they held is delivered. */
    void linkUp(Iterable<CollarEui> collars) {
        for (CollarEui c : collars) {
            Session s = sessions.get(c);
            if (s != null) {
                s.heldFrom = -1;
            }
        }
    }

    /** Collars the ledger has seen. */
    Iterable<CollarEui> collars() {
        return List.copyOf(sessions.keySet());
    }

    /**
     * The gateway was killed at {@code at} (simulated) after it had handled every frame its links could
     * deliver; {@code durable} is each collar's tally it left on disk. Counts the frames it accepted and
     * never wrote: they are not sent again.
     */
    void killed(Instant at, Function<CollarEui, Optional<UplinkTally>> durable) {
        sessions.forEach((eui, s) -> {
            long delivered = s.heldFrom >= 0 ? s.heldFrom - 1 : s.last();
            long written = durable.apply(eui).map(UplinkTally::counter).orElse(s.first - 1);
            for (long c = Math.max(written + 1, s.first); c <= delivered; c++) {
                s.lostAtKills++;
                if (s.times.get((int) (c - s.first)) < at.minus(crashWindow).toEpochMilli()) {
                    s.beyondWindow++;
                }
            }
        });
    }

    /**
     * The totals once the last gateway process has stopped cleanly and written everything. Every frame
     * published must have reached its link: a frame a full collar buffer dropped is not told apart here
     * (the run fails on any drop instead).
     */
    Count count(Function<CollarEui, Optional<UplinkTally>> durable) {
        long published = 0;
        long accepted = 0;
        long lost = 0;
        long beyond = 0;
        long missing = 0;
        long twice = 0;
        Map<CollarEui, Long> byCollar = new TreeMap<>((a, b) -> Long.compareUnsigned(a.value(), b.value()));
        for (Map.Entry<CollarEui, Session> e : sessions.entrySet()) {
            Session s = e.getValue();
            long n = s.times.size();
            long got = durable.apply(e.getKey()).map(UplinkTally::frames).orElse(0L);
            published += n;
            accepted += got;
            lost += s.lostAtKills;
            beyond += s.beyondWindow;
            long gap = n - s.lostAtKills - got;
            if (gap > 0) {
                missing += gap;
                byCollar.put(e.getKey(), gap);
            } else {
                twice -= gap;
            }
        }
        return new Count(published, accepted, lost, beyond, missing, twice, earlierSessions,
                Collections.unmodifiableMap(byCollar));
    }
}
