package io.herdgate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.rules.behaviour.Behaviour;
import io.herdgate.rules.behaviour.BehaviourClassifier;
import io.herdgate.rules.behaviour.ClassProbabilities;
import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.feature.WindowFeatures;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleDatingTest {

    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

    /** 4 s of 10 Hz samples at rest (1 g on z, ±4 g range: 512 counts per g), sent as it ends. */
    private static SampleBatch batch() {
        short[] xyz = new short[3 * 40];
        for (int i = 0; i < 40; i++) {
            xyz[3 * i + 2] = (short) (512 + (i % 3) - 1);
        }
        return SampleBatch.of(3900, 1000, AccelRange.G4, xyz);
    }

    @Test
    void continuousBatches_giveOneObservationPerMinute_backToBack() {
        SampleDating dating = new SampleDating(CowId.of("1"), BehaviourClassifier.shipped(), PostureReference.EMPTY);
        List<Observation> out = new ArrayList<>();
        for (int k = 0; k < 45; k++) { // 3 minutes
            dating.add(batch(), T0.plusSeconds(4L * k + 4), out::add);
        }

        assertEquals(3, out.size());
        assertEquals(T0.plusMillis(100), out.get(0).start());
        assertEquals(out.get(0).end(), out.get(1).start());
        assertEquals(out.get(1).end(), out.get(2).start());
    }

    @Test
    void aGapInTheStream_leavesMissingMinutes_notStretchedOnes() {
        SampleDating dating = new SampleDating(CowId.of("1"), BehaviourClassifier.shipped(), PostureReference.EMPTY);
        List<Observation> out = new ArrayList<>();
        for (int k = 0; k < 15; k++) { // minute 1
            dating.add(batch(), T0.plusSeconds(4L * k + 4), out::add);
        }
        Instant resume = T0.plus(Duration.ofMinutes(30));
        for (int k = 0; k < 15; k++) { // a minute after half an hour of radio silence
            dating.add(batch(), resume.plusSeconds(4L * k + 4), out::add);
        }

        assertEquals(2, out.size());
        assertEquals(T0.plusMillis(100), out.get(0).start());
        assertEquals(resume.plusMillis(100), out.get(1).start());
    }

    @Test
    void aGapInTheStream_keepsTheCowsPostureReference() {
        // Every window confidently walking: each one joins the cow's walking posture.
        BehaviourClassifier walking = new BehaviourClassifier() {
            @Override
            public ClassProbabilities probabilities(WindowFeatures w, PostureReference posture) {
                return ClassProbabilities.of(List.of(Behaviour.WALKING), List.of(1.0));
            }

            @Override
            public double minRateHz() {
                return 5;
            }
        };
        SampleDating dating = new SampleDating(CowId.of("1"), walking, PostureReference.EMPTY);
        for (int k = 0; k < 15; k++) {
            dating.add(batch(), T0.plusSeconds(4L * k + 4), o -> { });
        }
        assertEquals(6, dating.posture().walkingWindows());

        Instant resume = T0.plus(Duration.ofMinutes(30));
        for (int k = 0; k < 15; k++) {
            dating.add(batch(), resume.plusSeconds(4L * k + 4), o -> { });
        }

        assertEquals(12, dating.posture().walkingWindows(), "the new stream after the gap continues the reference");
    }
}
