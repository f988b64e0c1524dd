package io.herdgate.gateway.outbox;

import io.herdgate.gateway.notify.Channel;
import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.tinylog.Logger;

/**
 * Sends what is due in the outbox through the channels, most urgent first. The runtime runs
 * {@link #pumpDue(Runnable)} on a few delivery workers at once ({@link OutboxDelivery}): each claims the most
 * urgent row that is free, so different recipients are called concurrently while one recipient is called
 * by one worker at a time (their messages keep their order and WhatsApp's pair rate). After each channel
 * call the most urgent due row is looked up again, so a critical notification queued during a call is the
 * next one a worker sends. {@link #onStatus} may be called from any thread (webhook, modem), also while
 * channels are being called.
 *
 * <p>Pacing: one recipient gets at most one call per channel every {@link OutboxSettings#pairInterval()}
 * (WhatsApp's pair-rate limit), and a {@code RetryLater} holds that recipient for as long as the provider
 * asked. Two {@code RetryLater}s in a row from one channel close it for a backoff that doubles with each
 * further failure (with jitter); when it reopens, the most urgent row is tried first, and once that goes
 * through every row on the channel is due again, so a backlog drains critical first.
 *
 * <p>Fallback: a row that has not gone out on its channel for {@link OutboxSettings#fallbackAfter()}
 * ({@link OutboxSettings#criticalFallbackAfter()} for critical rows) moves to the next channel (WhatsApp →
 * SMS); {@code Undeliverable} moves it at once, or fails it on the last channel; {@code ChannelDown} takes
 * the channel out of use for {@link OutboxSettings#channelDownRecheck()} and moves its rows on. A provider
 * status FAILED for a sent row ({@link #onStatus}) sends it again on the next channel.
 *
 * <p>Housekeeping, once a minute: rows unsent after {@link OutboxSettings#expireAfter()} are given up;
 * rows done more than {@link #KEEP_DONE} ago are deleted.
 */
public final class OutboxPump {

    /** At most this many channel calls per {@link #pumpDue()}, so that a big backlog cannot starve the caller. */
    static final int MAX_CALLS_PER_PUMP = 200;
    /** Rows done are kept this long (to answer late provider statuses and for inspection), then deleted. */
    static final Duration KEEP_DONE = Duration.ofDays(30);
    /** Expiry and purging run at most this often. */
    static final Duration HOUSEKEEPING = Duration.ofMinutes(1);
    /**
     * The code of a wait for one recipient (WhatsApp's pair-rate limit 131056, also used by the channel's own
     * limiter): it holds that recipient only and neither counts towards closing the channel nor backs off.
     */
    static final String PAIR_RATE = "131056";
    /** Statuses that came before their send was recorded (a fast webhook) are kept, at most this many. */
    static final int EARLY_STATUSES = 64;
    /** How long a critical call may hold back the threads that step aside for it ({@link #criticalCalls()}). */
    public static final Duration CRITICAL_GRACE = Duration.ofMillis(100);

    private final Outbox outbox;
    private final OutboxSettings settings;
    private final List<Channel> channels;
    private final Clock clock;
    private final Backoff backoff;
    private final CriticalCalls critical = CriticalCalls.of(CRITICAL_GRACE);
    /** Read by {@link #onStatus} on other threads; the other maps are guarded by {@link #lock}. */
    private final Map<ChannelName, Instant> downUntil = new ConcurrentHashMap<>();
    /**
     * Guards choosing, claiming and settling rows and this pump's waits; never held during a channel call, so
     * that several threads can call different recipients at once.
     */
    private final ReentrantLock lock = new ReentrantLock();
    /** Channel calls under way; a status that finds no row while one is may be for it. */
    private final AtomicInteger calling = new AtomicInteger();
    /** Orders recording a send against a status for it: a status is never applied before, nor lost. */
    private final Object statusLock = new Object();
    private final Map<String, DeliveryStatus> early = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DeliveryStatus> eldest) {
            return size() > EARLY_STATUSES;
        }
    };
    private final Map<ChannelName, Instant> closedUntil = new EnumMap<>(ChannelName.class);
    private final Map<ChannelName, Integer> failStreak = new EnumMap<>(ChannelName.class);
    private final Map<Pair, Instant> heldUntil = new HashMap<>();
    /** Recipients a thread is calling right now: one call per recipient at a time keeps their messages in order. */
    private final Set<Pair> calls = new HashSet<>();
    /** Channels being probed after a pause: their other rows wait for the probe's answer. */
    private final Set<ChannelName> probing = EnumSet.noneOf(ChannelName.class);
    /**
     * Rows a thread has taken and not yet settled. One from the outbox's {@link Handoff} is {@code pending} in the
     * database (never marked in flight), so the database's rows are checked against this set before one is claimed.
     */
    private final Set<OutboxId> inHand = new HashSet<>();
    /** A thread is reading the due rows; another asked for a read after it started. */
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean pollAgain = new AtomicBoolean();
    private Instant nextHousekeeping = Instant.MIN;

    /** One recipient on one channel. */
    private record Pair(ChannelName channel, PhoneNumber phone) {
    }

    /**
     * A row claimed for a call on channel {@code index}; {@code probe}: the call that reopens a paused channel;
     * {@code marked}: claimed in the database (in flight, attempt counted), else taken from the hand-off.
     */
    private record Taken(OutboxEntry entry, int index, Pair pair, Instant at, boolean probe, boolean marked) {

        Taken asProbe() {
            return new Taken(entry, index, pair, at, true, marked);
        }
    }

    private OutboxPump(Outbox outbox, List<Channel> channels, Clock clock, Backoff backoff) {
        this.outbox = outbox;
        this.settings = outbox.settings();
        this.channels = channels;
        this.clock = clock;
        this.backoff = backoff;
    }

    /**
     * A pump over {@code channels} in order of preference (new rows start on the first).
     *
     * @param random jitter source; tests pass a seeded one
     */
    public static OutboxPump of(Outbox outbox, List<Channel> channels, Clock clock, RandomGenerator random) {
        Objects.requireNonNull(outbox, "outbox");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("the outbox needs at least one channel");
        }
        OutboxSettings s = outbox.settings();
        return new OutboxPump(outbox, List.copyOf(channels), Objects.requireNonNull(clock, "clock"),
                Backoff.of(s.firstRetry(), s.maxRetry(), Objects.requireNonNull(random, "random")));
    }

    /**
     * The wall clock was stepped by {@code step} (positive: forward, from the gateway's clock-jump guard):
     * the unsent rows and this pump's own waits (channel down or closed, pair-rate holds) move with it, so
     * nothing expires or waits a day because of the step.
     */
    public void clockStepped(Duration step) {
        lock.lock();
        try {
            int rows = outbox.clockStepped(step);
            downUntil.replaceAll((c, t) -> t.plus(step));
            closedUntil.replaceAll((c, t) -> t.plus(step));
            heldUntil.replaceAll((p, t) -> t.plus(step));
            nextHousekeeping = nextHousekeeping.equals(Instant.MIN) ? Instant.MIN : nextHousekeeping.plus(step);
            Logger.info("outbox: clock stepped by {}; {} unsent notification(s) keep their age and wait", step, rows);
        } finally {
            lock.unlock();
        }
    }

    /** The channel new notifications start on. */
    public ChannelName firstChannel() {
        return channels.get(0).name();
    }

    /** Whether {@code channel} said it is down and has not been tried again since. */
    public boolean isDown(ChannelName channel) {
        return after(downUntil.get(channel), clock.instant());
    }

    /**
     * Sends every row due now that no hold blocks, most urgent first; moves rows stuck on a closed or
     * down channel to the next one once their patience is over.
     *
     * @return the number of channel calls made; {@link #MAX_CALLS_PER_PUMP} means more may be due
     */
    public int pumpDue() {
        return pumpDue(() -> { });
    }

    /**
     * As {@link #pumpDue()}. Several threads may run it at once (the delivery workers): each claims rows of its
     * own, one recipient is called by one thread at a time, and a channel paused after failures is probed by
     * one. {@code another} is run (on this thread, no lock held) when this thread has just claimed a row while
     * another row, for a different recipient, is ready too: a caller with idle helpers wakes one.
     */
    public int pumpDue(Runnable another) {
        Instant now = clock.instant();
        List<Taken> probes;
        boolean housekeeping;
        lock.lock();
        try {
            // Not while a critical row waits in the hand-off: the pass that finds it must not wait for the database.
            housekeeping = !now.isBefore(nextHousekeeping) && outbox.handoff().size() == 0;
            if (housekeeping) {
                nextHousekeeping = now.plus(HOUSEKEEPING);
            }
            probes = takeProbes(now);
        } finally {
            lock.unlock();
        }
        if (housekeeping) {
            // Without the lock, so that other workers take handed-off rows meanwhile.
            outbox.expireOlderThan(now.minus(settings.expireAfter()));
            outbox.purgeDoneBefore(now.minus(KEEP_DONE));
        }
        int called = 0;
        try {
            for (Taken probe : probes) {
                called++;
                call(probe);
            }
        } finally {
            // A call that threw must not leave the probes after it holding their recipients and channels.
            probes.subList(called, probes.size()).forEach(this::release);
        }
        int sent = probes.size();
        lock.lock();
        try {
            moveStuckRows(clock.instant());
        } finally {
            lock.unlock();
        }
        while (sent < MAX_CALLS_PER_PUMP) {
            boolean[] more = {false};
            Optional<Taken> t = take(more);
            if (t.isEmpty()) {
                break;
            }
            if (more[0]) {
                another.run();
            }
            call(t.get());
            sent++; // then the most urgent row is looked up again: one queued during the call may be more urgent
        }
        return sent;
    }

    /** Reopening channels: each is probed with its most urgent row, whatever that row's own due time. */
    private List<Taken> takeProbes(Instant now) {
        List<Taken> probes = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            ChannelName c = channels.get(i).name();
            if (closedUntil.containsKey(c) && !after(closedUntil.get(c), now) && !isDown(c) && !probing.contains(c)) {
                Optional<OutboxEntry> probe = outbox.mostUrgentOn(c);
                if (probe.isPresent() && !inHand.contains(probe.get().id())
                        && !busy(new Pair(c, probe.get().notification().to().phone()), now)) {
                    OutboxEntry e = onChannel(probe.get(), i);
                    // A probe goes whatever its row's own due time; rare, so claimed under the lock.
                    if (outbox.claim(e.id(), c, Instant.ofEpochMilli(Long.MAX_VALUE))) {
                        outbox.handoff().remove(e.id());
                        probing.add(c);
                        probes.add(reserve(e, i, now, true).asProbe());
                    }
                }
            }
        }
        return probes;
    }

    /** Rows on a closed or down channel move to the next one once their patience there is over. */
    private void moveStuckRows(Instant now) {
        for (int i = 0; i < channels.size(); i++) {
            ChannelName c = channels.get(i).name();
            if (isDown(c) || after(closedUntil.get(c), now)) {
                for (OutboxEntry e : outbox.pendingOn(c)) {
                    if (!inHand.contains(e.id()) && !now.isBefore(e.channelSince().plus(patience(e)))) {
                        final int index = i;
                        nextUp(i).ifPresent(n -> outbox.moveTo(e.id(), channels.get(n).name(),
                                channels.get(index).name() + " unusable for " + patience(e)));
                    }
                }
            }
        }
    }

    /**
     * Claims the most urgent due row that no hold, pause or call under way blocks; sets {@code more[0]} when
     * another row is ready for a different recipient. A critical row just handed off comes first and is taken
     * in memory (no database read or write); else the due rows are read and the chosen one claimed in the
     * database, both without the lock, so that a worker waiting for the database (behind the desk's or the
     * ingest's transactions) never holds up another taking a handed-off row.
     */
    private Optional<Taken> take(boolean[] more) {
        while (true) {
            Instant now = clock.instant();
            lock.lock();
            try {
                Optional<OutboxEntry> fresh = outbox.handoff().take(e -> ready(e, now));
                if (fresh.isPresent()) {
                    more[0] = outbox.handoff().any(e -> ready(e, now));
                    return Optional.of(reserve(fresh.get(), indexOf(fresh.get().channel()), now, false));
                }
            } finally {
                lock.unlock();
            }
            Optional<Taken> chosen = poll(more);
            if (chosen.isEmpty()) {
                return chosen;
            }
            // Conditional on the row being pending, due and on the channel read still: another worker may have
            // sent it, a retry postponed it or a fallback moved it to the next channel, since it was read.
            Taken t = chosen.get();
            if (outbox.claim(t.entry().id(), channels.get(t.index()).name(), t.at())) {
                return chosen;
            }
            free(chosen.get(), false);
        }
    }

    /**
     * Reads the due rows and reserves the most urgent one that can be called now, if any. One worker reads at a
     * time: the others, finding no handed-off row ready, do not queue behind it for the database (where they
     * would sit, every one of them, while the next critical row waits in the hand-off); they ask it to read
     * once more when it is done, so nothing committed meanwhile waits for the idle pass.
     */
    private Optional<Taken> poll(boolean[] more) {
        while (true) {
            if (!polling.compareAndSet(false, true)) {
                pollAgain.set(true);
                if (polling.get()) {
                    return Optional.empty(); // the reader sees pollAgain once it is done
                }
                continue; // it has just finished: read here
            }
            Optional<Taken> chosen;
            try {
                pollAgain.set(false);
                Instant now = clock.instant();
                chosen = choose(outbox.due(now, 64), now, more);
            } finally {
                polling.set(false);
            }
            if (chosen.isPresent()) {
                // Rows committed during this read wait for the next one; a worker is woken for it rather than
                // leaving them until this call is over.
                if (pollAgain.getAndSet(false)) {
                    more[0] = true;
                }
                return chosen;
            }
            if (!pollAgain.getAndSet(false)) {
                return chosen;
            }
        }
    }

    /** Reserves the most urgent of {@code due} that can be called now, if any. */
    private Optional<Taken> choose(List<OutboxEntry> due, Instant now, boolean[] more) {
        lock.lock();
        try {
            Optional<Taken> chosen = Optional.empty();
            for (OutboxEntry e : due) {
                if (inHand.contains(e.id())) {
                    continue;
                }
                int index = indexOf(e.channel());
                ChannelName c = channels.get(index).name();
                if (isDown(c)) {
                    Optional<Integer> next = nextUp(index);
                    if (next.isPresent()) {
                        outbox.moveTo(e.id(), channels.get(next.get()).name(), c + " is down");
                    }
                    continue;
                }
                if (after(closedUntil.get(c), now) || probing.contains(c) || busy(new Pair(c, e.notification().to().phone()), now)) {
                    continue;
                }
                if (chosen.isPresent()) {
                    more[0] = true;
                    break;
                }
                outbox.handoff().remove(e.id()); // the poll came first: the hand-off must not send it again
                chosen = Optional.of(reserve(onChannel(e, index), index, now, true));
            }
            return chosen;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a handed-off row can be called now: its channel configured and open, its recipient free. */
    private boolean ready(OutboxEntry e, Instant now) {
        ChannelName c = e.channel();
        return channels.get(indexOf(c)).name() == c && !isDown(c) && !after(closedUntil.get(c), now)
                && !probing.contains(c) && !busy(new Pair(c, e.notification().to().phone()), now);
    }

    /** {@code e} on channel {@code index}: a row whose channel is no longer configured starts again on it. */
    private OutboxEntry onChannel(OutboxEntry e, int index) {
        ChannelName c = channels.get(index).name();
        if (e.channel() != c) {
            outbox.moveTo(e.id(), c, e.channel() + " is not configured");
        }
        return e;
    }

    /**
     * Marks {@code e} and its recipient as being called by this thread (guarded by the lock); {@code marked}: it
     * is (or is about to be) claimed in the database, else it came from the hand-off.
     */
    private Taken reserve(OutboxEntry e, int index, Instant now, boolean marked) {
        Pair pair = new Pair(channels.get(index).name(), e.notification().to().phone());
        inHand.add(e.id());
        calls.add(pair);
        calling.incrementAndGet();
        if (e.notification().priority() == Priority.CRITICAL) {
            critical.started();
        }
        return new Taken(e, index, pair, now, false, marked);
    }

    /** Calls the channel for a claimed row (no lock held) and settles the answer. */
    private void call(Taken t) {
        OutboxEntry e = t.entry();
        Channel ch = channels.get(t.index());
        // The instant is the alarm-latency harness's "picked" mark (raise → queued → picked → POST).
        Logger.info("outbox: sending {} on {}, attempt {}, picked {}", e.notification().key().value(), ch.name(),
                e.attempts() + 1, clock.instant());
        try {
            DeliveryResult r = deliver(ch, e);
            if (r instanceof DeliveryResult.Sent s) {
                // Committed without the lock, so other workers can take rows meanwhile; the recipient stays
                // busy until it is done, so nothing else goes to them before this row is marked sent.
                recordSent(e, s, t.marked());
            } else if (!t.marked()) {
                outbox.attempted(e.id());
            }
            lock.lock();
            try {
                settle(e, t.index(), r, t.at(), t.pair());
            } finally {
                lock.unlock();
            }
        } finally {
            release(t);
        }
    }

    /**
     * The recipient (and, for a probe, its channel) free for other calls again, whatever the call did; the pair
     * rate holds the recipient for {@link OutboxSettings#pairInterval()} from when the row was taken.
     */
    private void release(Taken t) {
        free(t, true);
    }

    /** As {@link #release}; {@code called} false: the row was not called after all (its claim failed), no hold. */
    private void free(Taken t, boolean called) {
        lock.lock();
        try {
            if (called) {
                hold(t.pair(), t.at().plus(settings.pairInterval()));
            }
            calls.remove(t.pair());
            inHand.remove(t.entry().id()); // settled in the database by now (sent, or pending with its next due time)
            if (t.probe()) {
                probing.remove(t.pair().channel());
            }
        } finally {
            lock.unlock();
        }
        calling.decrementAndGet();
        if (t.entry().notification().priority() == Priority.CRITICAL) {
            critical.ended();
        }
    }

    /** The critical rows being called now, for a busy thread to step aside for (the ingest). */
    public CriticalCalls criticalCalls() {
        return critical;
    }

    /** Takes a provider's later status; a FAILED one re-sends the row on the next channel, if any. */
    public void onStatus(DeliveryStatus status) {
        Optional<OutboxEntry> row;
        synchronized (statusLock) {
            row = outbox.onStatus(status);
            if (row.isEmpty() && calling.get() > 0) {
                // Possibly for a call under way, whose provider id is not recorded yet: applied once it is.
                early.put(status.providerId(), status);
                return;
            }
        }
        if (row.isEmpty() || status.state() != DeliveryStatus.State.FAILED || row.get().state() != OutboxState.SENT) {
            return;
        }
        OutboxEntry e = row.get();
        nextUp(indexOf(e.channel())).ifPresent(next -> {
            // Conditional on the row still being sent: a status told twice moves it once.
            if (outbox.resend(e.id(), channels.get(next).name(), "delivery failed: " + status.detail())) {
                Logger.warn("outbox: {} failed on {} after sending ({}); trying {}", e.notification().key(), e.channel(),
                        status.detail(), channels.get(next).name());
            }
        });
    }

    private DeliveryResult deliver(Channel ch, OutboxEntry e) {
        try {
            return ch.deliver(e.notification());
        } catch (RuntimeException ex) {
            // A channel must not throw; if one does, treat it as a transient failure rather than lose the row.
            Logger.error(ex, "outbox: channel {} threw while delivering {}", ch.name(), e.notification().key());
            return new DeliveryResult.RetryLater(Duration.ZERO, "exception", String.valueOf(ex.getMessage()));
        }
    }

    private void settle(OutboxEntry e, int index, DeliveryResult r, Instant now, Pair pair) {
        ChannelName name = channels.get(index).name();
        if (r instanceof DeliveryResult.Sent) {
            working(name);
        } else if (r instanceof DeliveryResult.RetryLater later) {
            retryLater(e, index, later, now, pair);
        } else if (r instanceof DeliveryResult.Undeliverable u) {
            working(name);
            moveOnOrElse(index, e, name + " " + u.code() + ": " + u.reason(), error -> {
                Logger.warn("outbox: {} to {} is undeliverable on every channel ({})", e.notification().key(),
                        e.notification().to().contact(), error);
                outbox.failed(e.id(), error);
            });
        } else if (r instanceof DeliveryResult.ChannelDown d) {
            Duration recheck = settings.channelDownRecheck();
            Logger.error("outbox: channel {} is down ({}: {}); trying it again in {}", name, d.code(), d.reason(), recheck);
            downUntil.put(name, now.plus(recheck));
            moveOnOrElse(index, e, name + " " + d.code() + ": " + d.reason(),
                    error -> outbox.retryAt(e.id(), now.plus(recheck), error));
        }
    }

    /** Marks the row sent and applies a status for it that came before. */
    private void recordSent(OutboxEntry e, DeliveryResult.Sent s, boolean counted) {
        Optional<DeliveryStatus> already;
        synchronized (statusLock) {
            outbox.sent(e.id(), s.providerId(), counted);
            already = Optional.ofNullable(early.remove(s.providerId()));
        }
        already.ifPresent(this::onStatus);
    }

    /** The channel answered a call normally: it is open again, and rows it held back are due now. */
    private void working(ChannelName name) {
        failStreak.remove(name);
        if (closedUntil.remove(name) != null) {
            Logger.info("outbox: channel {} works again", name);
            outbox.dueNow(name);
        }
    }

    private void retryLater(OutboxEntry e, int index, DeliveryResult.RetryLater later, Instant now, Pair pair) {
        ChannelName name = channels.get(index).name();
        String error = name + " " + later.code() + ": " + later.reason();
        hold(pair, now.plus(later.after()));
        if (later.code().equals(PAIR_RATE)) {
            // One recipient is busy (e.g. a chart just went to them), not the channel: no streak, no backoff.
            outbox.retryAt(e.id(), now.plus(later.after()), error);
            return;
        }
        int streak = failStreak.merge(name, 1, Integer::sum);
        if (streak >= 2) {
            Duration closed = max(later.after(), backoff.after(streak - 1));
            closedUntil.put(name, now.plus(closed));
            Logger.warn("outbox: channel {} keeps answering retry-later ({}); pausing it for {}", name, error, closed);
        }
        Optional<Integer> next = nextUp(index);
        if (next.isPresent() && !now.isBefore(e.channelSince().plus(patience(e)))) {
            outbox.moveTo(e.id(), channels.get(next.get()).name(), error);
            return;
        }
        outbox.retryAt(e.id(), now.plus(max(later.after(), backoff.after(e.attempts() + 1))), error);
    }

    /** Moves the row to the next usable channel, or, on the last one, runs {@code otherwise}. */
    private void moveOnOrElse(int index, OutboxEntry e, String error, Consumer<String> otherwise) {
        Optional<Integer> next = nextUp(index);
        if (next.isPresent()) {
            outbox.moveTo(e.id(), channels.get(next.get()).name(), error);
        } else {
            otherwise.accept(error);
        }
    }

    private Duration patience(OutboxEntry e) {
        return e.notification().priority() == Priority.CRITICAL ? settings.criticalFallbackAfter() : settings.fallbackAfter();
    }

    private void hold(Pair pair, Instant until) {
        heldUntil.merge(pair, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Held by the pair rate or a provider's wait, or called by another thread right now. */
    private boolean busy(Pair pair, Instant now) {
        return after(heldUntil.get(pair), now) || calls.contains(pair);
    }

    /** The configured index of {@code name}; a channel no longer configured maps to the first. */
    private int indexOf(ChannelName name) {
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).name() == name) {
                return i;
            }
        }
        return 0;
    }

    /** The next channel after {@code index} that is not down. */
    private Optional<Integer> nextUp(int index) {
        for (int i = index + 1; i < channels.size(); i++) {
            if (!isDown(channels.get(i).name())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static boolean after(Instant until, Instant now) {
        return until != null && now.isBefore(until);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
