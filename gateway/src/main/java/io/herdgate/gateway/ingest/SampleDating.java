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

/**
 * One collar's sample stream: dates each batch from its reception time and age, and feeds a
 * {@link MinuteObserver} while the samples run on without a break. A batch that does not continue the
 * stream (a gap after radio loss, a rate or range change, a batch dated backwards) starts a new
 * observer at the batch's own time, so a gap becomes missing minutes, never stretched ones; the new
 * observer keeps the cow's {@link PostureReference}. Not thread-safe.
 */
final class SampleDating {

    /** How far a batch may start from where the previous one ended and still continue it. */
    static final Duration CONTINUITY_TOLERANCE = Duration.ofSeconds(2);

    private final CowId cow;
    private final BehaviourClassifier classifier;
    private final PostureReference initialPosture;
    private MinuteObserver observer;
    private Instant expectedNext;
    private int rateCentiHz;
    private double milliGPerCount;

    /** A stream of {@code cow} whose posture reference so far is {@code posture}. */
    SampleDating(CowId cow, BehaviourClassifier classifier, PostureReference posture) {
        this.cow = cow;
        this.classifier = classifier;
        this.initialPosture = posture;
    }

    /** Feeds a batch received at {@code receivedAt}; completed minutes go to {@code out}. */
    void add(SampleBatch batch, Instant receivedAt, Consumer<Observation> out) {
        if (batch.count() == 0) {
            return;
        }
        Instant start = receivedAt.minusMillis(batch.firstSampleAgeMs());
        long periodNanos = Math.round(1e11 / batch.rateCentiHz());
        boolean continues = observer != null && rateCentiHz == batch.rateCentiHz()
                && milliGPerCount == batch.range().milliGPerCount()
                && Duration.between(expectedNext, start).abs().compareTo(CONTINUITY_TOLERANCE) <= 0;
        if (!continues) {
            rateCentiHz = batch.rateCentiHz();
            milliGPerCount = batch.range().milliGPerCount();
            // The cow's posture reference outlives the stream: a gap or a range change does not move the collar.
            observer = MinuteObserver.of(cow, start, SampleRate.ofHz(rateCentiHz / 100.0), Unit.G, classifier,
                    posture());
            expectedNext = start;
        }
        double toG = milliGPerCount / 1000.0;
        for (int i = 0; i < batch.count(); i++) {
            observer.add(batch.x(i) * toG, batch.y(i) * toG, batch.z(i) * toG).ifPresent(out);
        }
        expectedNext = expectedNext.plusNanos(periodNanos * batch.count());
    }

    /** The cow's posture reference as learnt so far. */
    PostureReference posture() {
        return observer == null ? initialPosture : observer.posture();
    }
}
