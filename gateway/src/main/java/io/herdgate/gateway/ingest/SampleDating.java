package io.herdgate.gateway.ingest;

import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.rules.behaviour.BehaviourClassifier;
import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.feature.SampleRate;
import io.herdgate.rules.feature.Unit;
import io.herdgate.rules.observe.MinuteObserver;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * One collar's sample stream for one cow: dates its samples and feeds them to a {@link MinuteObserver}
 * while they run on without a break.
 *
 * <p>Dating. A batch's own time is its reception minus its {@code first_sample_age_ms} (PROTOCOL.md
 * 9.1): exact on the collar's side, but late by however long the frame then waited in the radio, the
 * broker and the gateway's link, which varies by seconds when the gateway is busy. So a stream is
 * anchored once, at its first batch's own time, and every later sample is dated from the anchor by its
 * position in the stream (one sample period each): delivery jitter never moves a minute.
 *
 * <p>Continuity. A framed batch continues the stream when nothing can be missing before it: its frame
 * counter follows the collar's last frame (sample batch or not) directly, in the same session, at the
 * same rate and range, and its own time lies within {@link #MAX_DELIVERY_SKEW} of where the stream
 * expects it (farther is a wall-clock step, or a stream dated wrongly from its start). One exception: a
 * collar numbers its frames when it sends them, so one that dropped buffered batches during a radio loss
 * sends the rest with consecutive counters. A batch that may follow such a loss (nothing heard from the
 * collar for longer than the last batch's span plus {@link #SILENCE_MARGIN}, and the batch itself held
 * back on the collar: older than its own span plus that margin when sent) must fit within
 * {@link #CONTINUITY_TOLERANCE}. JSON batches carry no counter and are always judged by that tolerance.
 * A batch dated early (by up to the skew limit) never implies lost samples, only a late anchor, so it
 * continues.
 *
 * <p>Otherwise a new stream starts (see {@link Continuity} for the reasons), so a gap becomes missing
 * minutes, never stretched ones. It starts at the batch's own time, but never before the old stream's
 * end unless by more than the skew limit (a clock stepped back): the new samples came after the old
 * ones, so its minutes never overlap the old stream's (the detection engine would refuse them). The new
 * stream keeps the cow's {@link PostureReference}: a gap does not move the collar on her neck.
 * Not thread-safe.
 */
final class SampleDating {

    /** How far a batch without counter evidence may lie after where the stream expects it and continue it. */
    static final Duration CONTINUITY_TOLERANCE = Duration.ofSeconds(2);
    /**
     * How far a batch with consecutive counters may lie from where the stream expects it (delivery
     * delay varying under load: a gateway that falls behind a replaying herd lets the broker's queue grow
     * for minutes) and continue it; beyond that the wall clock stepped (a Pi without a real-time clock
     * set by NTP after boot). Smaller steps leave a stream dated off by the step until its next break.
     */
    static final Duration MAX_DELIVERY_SKEW = Duration.ofMinutes(10);
    /**
     * Silence beyond the last batch's span, and age beyond a batch's own span, after which a collar may
     * have dropped buffered batches: a collar's buffer holds at least this much, so a shorter radio loss
     * cannot have overflowed it, while a busy gateway (a checkpoint, a collection) may well stop reading
     * for some seconds.
     */
    static final Duration SILENCE_MARGIN = Duration.ofSeconds(30);

    private static final long NO_COUNTER = -1;
    // The limits in nanoseconds: a batch's checks are long arithmetic on epoch nanoseconds, since
    // Duration.negated() and Duration.between() allocate (the former through BigDecimal) on every batch.
    private static final long TOLERANCE_NS = CONTINUITY_TOLERANCE.toNanos();
    private static final long MAX_SKEW_NS = MAX_DELIVERY_SKEW.toNanos();
    private static final long SILENCE_MARGIN_NS = SILENCE_MARGIN.toNanos();
    private static final long NEVER = Long.MIN_VALUE;

    private final CowId cow;
    private final BehaviourClassifier classifier;
    private final PostureReference initialPosture;
    private MinuteObserver observer;
    private int rateCentiHz;
    private double milliGPerCount;
    /** Epoch nanoseconds of the stream's first sample. */
    private long anchorNs;
    private long samples;
    private long lastCounter = NO_COUNTER;
    private boolean newSession;
    /** Epoch nanoseconds of the collar's last frame, or {@link #NEVER}. */
    private long lastHeardNs = NEVER;
    private long lastSpanNs;

    /** A stream of {@code cow} whose posture reference so far is {@code posture}. */
    SampleDating(CowId cow, BehaviourClassifier classifier, PostureReference posture) {
        this.cow = cow;
        this.classifier = classifier;
        this.initialPosture = posture;
    }

    /**
     * Feeds a framed batch with its full frame counter, received at {@code receivedAt}; completed minutes
     * go to {@code out}.
     */
    Continuity add(SampleBatch batch, long counter, Instant receivedAt, Consumer<Observation> out) {
        if (lastCounter != NO_COUNTER && counter <= lastCounter) {
            return Continuity.STALE;
        }
        boolean consecutive = lastCounter != NO_COUNTER && counter == lastCounter + 1;
        long receivedNs = epochNanos(receivedAt);
        boolean mayHaveDropped = lastHeardNs != NEVER
                && receivedNs - lastHeardNs > lastSpanNs + SILENCE_MARGIN_NS
                && batch.firstSampleAgeMs() * 1_000_000L > spanNanos(batch) + SILENCE_MARGIN_NS;
        lastCounter = counter;
        Continuity c = feed(batch, receivedNs, consecutive ? Continuity.CONTINUED : Continuity.LOST_FRAME,
                consecutive && !mayHaveDropped ? MAX_SKEW_NS : TOLERANCE_NS, out);
        lastHeardNs = receivedNs;
        return c;
    }

    /** Feeds a batch that carries no counter (a JSON uplink); completed minutes go to {@code out}. */
    Continuity add(SampleBatch batch, Instant receivedAt, Consumer<Observation> out) {
        return feed(batch, epochNanos(receivedAt), Continuity.CONTINUED, TOLERANCE_NS, out);
    }

    /** Another frame of the collar's session (status, event, ...) used {@code counter}. */
    void counted(long counter, Instant receivedAt) {
        if (counter > lastCounter) {
            lastCounter = counter;
            lastHeardNs = epochNanos(receivedAt);
        }
    }

    /** The collar joined again: its counters restart, and so does its sampling. */
    void newSession() {
        lastCounter = NO_COUNTER;
        lastHeardNs = NEVER;
        newSession = true;
    }

    private Continuity feed(SampleBatch batch, long receivedNs, Continuity byCounter, long lateLimitNs,
                            Consumer<Observation> out) {
        if (batch.count() == 0) {
            return Continuity.CONTINUED;
        }
        long ownNs = receivedNs - batch.firstSampleAgeMs() * 1_000_000L;
        Continuity c;
        long offsetNs = 0;
        if (observer == null) {
            c = Continuity.FIRST;
        } else {
            offsetNs = ownNs - expectedNextNs();
            if (newSession) {
                c = Continuity.NEW_SESSION;
            } else if (rateCentiHz != batch.rateCentiHz() || milliGPerCount != batch.range().milliGPerCount()) {
                c = Continuity.SETTINGS;
            } else if (byCounter != Continuity.CONTINUED) {
                c = byCounter;
            } else if (offsetNs > lateLimitNs || offsetNs < -MAX_SKEW_NS) {
                c = Continuity.TIME;
            } else {
                c = Continuity.CONTINUED;
            }
        }
        if (c != Continuity.CONTINUED) {
            if (c != Continuity.FIRST) {
                Logger.debug("cow {}: new sample stream ({}), batch {} ms from where the last one ended", cow, c,
                        offsetNs / 1_000_000L);
            }
            start(batch, startOf(ownNs, offsetNs));
        }
        newSession = false;
        lastSpanNs = spanNanos(batch);
        double toG = milliGPerCount / 1000.0;
        for (int i = 0; i < batch.count(); i++) {
            observer.add(batch.x(i) * toG, batch.y(i) * toG, batch.z(i) * toG).ifPresent(out);
        }
        samples += batch.count();
        return c;
    }

    /** Where a new stream starts: at the batch's own time, but not inside the old stream (see class comment). */
    private long startOf(long ownNs, long offsetNs) {
        boolean overlapsOld = observer != null && offsetNs < 0 && offsetNs >= -MAX_SKEW_NS;
        return overlapsOld ? expectedNextNs() : ownNs;
    }

    private void start(SampleBatch batch, long atNs) {
        Instant at = Instant.ofEpochSecond(Math.floorDiv(atNs, 1_000_000_000L), Math.floorMod(atNs, 1_000_000_000L));
        rateCentiHz = batch.rateCentiHz();
        milliGPerCount = batch.range().milliGPerCount();
        observer = MinuteObserver.of(cow, at, SampleRate.ofHz(rateCentiHz / 100.0), Unit.G, classifier,
                posture());
        anchorNs = atNs;
        samples = 0;
    }

    private static long spanNanos(SampleBatch batch) {
        return Math.round(batch.count() * 1e11 / batch.rateCentiHz());
    }

    /** Epoch nanoseconds of the stream's next sample: the anchor plus one period per sample so far. */
    private long expectedNextNs() {
        return anchorNs + Math.round(samples * 1e11 / rateCentiHz);
    }

    /** {@code t} in nanoseconds since the epoch (exact for the years 1678 to 2262). */
    private static long epochNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    /** The cow's posture reference as learnt so far. */
    PostureReference posture() {
        return observer == null ? initialPosture : observer.posture();
    }
}
