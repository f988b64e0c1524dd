package io.herdgate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SampleDatingTest {

    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    /** A 40-sample batch at 10 Hz spans 4 s; its first sample is 3.9 s old when it is sent at its end. */
    private static final long SPAN_MS = 4000;

    private final SampleDating dating = new SampleDating(CowId.of("1"), BehaviourClassifier.shipped(),
            PostureReference.EMPTY);
    private final List<Observation> out = new ArrayList<>();
    private final List<Continuity> continuity = new ArrayList<>();

    /** 4 s of 10 Hz samples at rest (1 g on z, ±4 g range: 512 counts per g), sent at {@code ageMs} after its first sample. */
    private static SampleBatch batch(long ageMs, AccelRange range) {
        short[] xyz = new short[3 * 40];
        for (int i = 0; i < 40; i++) {
            xyz[3 * i + 2] = (short) (512 + (i % 3) - 1);
        }
        return SampleBatch.of(ageMs, 1000, range, xyz);
    }

    /** The collar's batch k (first sample at T0 + 4k s), sent as it ends, received {@code delayMs} later. */
    private void framed(long counter, int k, long delayMs) {
        framed(counter, k, delayMs, AccelRange.G4);
    }

    private void framed(long counter, int k, long delayMs, AccelRange range) {
        Instant sent = T0.plusMillis(k * SPAN_MS + SPAN_MS);
        continuity.add(dating.add(batch(3900, range), counter, sent.plusMillis(delayMs), out::add));
    }

    private void assertBackToBack(List<Observation> minutes) {
        for (int i = 1; i < minutes.size(); i++) {
            assertEquals(minutes.get(i - 1).end(), minutes.get(i).start(), "minute " + i + " follows the one before");
        }
    }

    @Test
    void continuousBatches_giveOneObservationPerMinute_backToBack() {
        for (int k = 0; k < 45; k++) { // 3 minutes
            framed(k, k, 0);
        }

        assertEquals(3, out.size());
        assertEquals(T0.plusMillis(100), out.get(0).start());
        assertBackToBack(out);
    }

    @Test
    void delayedButConsecutiveBatches_keepEveryMinute_atTheCollarsTime() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 150; k++) { // 10 minutes, each batch waiting 0..20 s in broker and ingest
            framed(k, k, rnd.nextLong(20_000));
        }

        assertEquals(10, out.size());
        assertBackToBack(out);
        Duration late = Duration.between(T0, out.get(0).start());
        assertTrue(!late.isNegative() && late.compareTo(Duration.ofSeconds(21)) < 0,
                "anchored at the first batch's own time, late only by its delivery: " + late);
        assertEquals(List.of(Continuity.FIRST), continuity.stream().distinct().toList().subList(0, 1));
        assertEquals(149, continuity.stream().filter(c -> c == Continuity.CONTINUED).count());
    }

    @Test
    void framesOfOtherTypesBetweenBatches_keepTheStream() {
        long counter = 0;
        for (int k = 0; k < 30; k++) {
            framed(counter++, k, 0);
            if (k % 7 == 3) {
                dating.counted(counter++, T0.plusMillis(k * SPAN_MS + SPAN_MS + 10)); // a status frame
            }
        }

        assertEquals(2, out.size());
        assertEquals(29, continuity.stream().filter(c -> c == Continuity.CONTINUED).count());
    }

    @Test
    void lostFrame_startsANewStream_atTheBatchsOwnTime() {
        for (int k = 0; k < 15; k++) { // minute 1
            framed(k, k, 50);
        }
        for (int k = 16; k < 31; k++) { // batch 15 (counter 15) never arrives
            framed(k, k, 50);
        }

        assertEquals(Continuity.LOST_FRAME, continuity.get(15));
        assertEquals(2, out.size(), "the minute with the hole is dropped, the next one is whole");
        assertEquals(T0.plusMillis(100 + 50), out.get(0).start());
        assertEquals(T0.plusMillis(16 * SPAN_MS + 100 + 50), out.get(1).start());
    }

    @Test
    void aGapInTheStream_leavesMissingMinutes_notStretchedOnes() {
        for (int k = 0; k < 15; k++) { // minute 1
            framed(k, k, 0);
        }
        for (int k = 0; k < 15; k++) { // a minute after half an hour of radio silence, with frames lost on air
            framed(100 + k, 450 + k, 0);
        }

        assertEquals(2, out.size());
        assertEquals(T0.plusMillis(100), out.get(0).start());
        assertEquals(T0.plus(Duration.ofMinutes(30)).plusMillis(100), out.get(1).start());
    }

    @Test
    void batchesDroppedOnTheCollarDuringARadioLoss_areAGap_thoughTheCountersRunOn() {
        for (int k = 0; k < 15; k++) { // minute 1, sent live
            framed(k, k, 0);
        }
        // Radio lost for 10 minutes; the collar's buffer kept the last 5 minutes and numbers them as it
        // sends them at reconnection: counters 15.. carry batches 90.. with their true ages.
        Instant reconnect = T0.plusMillis(165 * SPAN_MS);
        for (int j = 0; j < 75; j++) {
            int k = 90 + j;
            long age = Duration.between(T0.plusMillis(k * SPAN_MS), reconnect).toMillis() + 20L * j;
            continuity.add(dating.add(batch(age, AccelRange.G4), 15 + j, reconnect.plusMillis(20L * j), out::add));
        }

        assertEquals(Continuity.TIME, continuity.get(15));
        assertEquals(6, out.size(), "minute 1 and the 5 buffered minutes, none stretched over the loss");
        assertEquals(T0.plusMillis(90 * SPAN_MS), out.get(1).start());
        assertBackToBack(out.subList(1, 6));
    }

    @Test
    void gatewayPausingForSecondsDuringABacklogReplay_keepsTheStream() {
        Instant replay = T0.plus(Duration.ofHours(1)); // an hour of buffered batches, sent back to back
        for (int k = 0; k < 45; k++) {
            long pause = k >= 20 ? 20_000 : 0; // the gateway stopped reading for 20 s before batch 20
            Instant received = replay.plusMillis(50L * k + pause);
            long age = Duration.between(T0.plusMillis(k * SPAN_MS), replay.plusMillis(50L * k)).toMillis();
            continuity.add(dating.add(batch(age, AccelRange.G4), k, received, out::add));
        }

        assertEquals(Continuity.CONTINUED, continuity.get(20));
        assertEquals(3, out.size());
        assertBackToBack(out);
    }

    @Test
    void duplicateOrOlderCounter_isIgnored() {
        for (int k = 0; k < 10; k++) {
            framed(k, k, 0);
        }
        framed(9, 9, 300);  // the same frame again
        framed(4, 4, 900);  // an old one, late
        for (int k = 10; k < 30; k++) {
            framed(k, k, 0);
        }

        assertEquals(Continuity.STALE, continuity.get(10));
        assertEquals(Continuity.STALE, continuity.get(11));
        assertEquals(2, out.size(), "no sample counted twice: 30 batches are exactly two minutes");
        assertBackToBack(out);
    }

    @Test
    void reboot_startsANewStream_afterTheOldOne_neverOverlappingIt() {
        for (int k = 0; k < 20; k++) {
            framed(k, k, 3000); // the old stream anchored 3 s late
        }
        dating.newSession();
        for (int j = 0; j < 15; j++) { // rebooted at once, joined, counters from 0, received promptly
            framed(j, 20 + j, 0);
        }

        assertEquals(Continuity.NEW_SESSION, continuity.get(20));
        assertEquals(2, out.size());
        assertTrue(!out.get(1).start().isBefore(T0.plusMillis(20 * SPAN_MS + 100 + 3000)),
                "the new stream starts where the old one ended: " + out.get(1).start());
    }

    @Test
    void wallClockStep_reanchorsTheStream_atTheNewTime() {
        for (int k = 0; k < 15; k++) {
            framed(k, k, 0);
        }
        Duration step = Duration.ofHours(2); // NTP sets the clock of a Pi that booted without RTC
        for (int k = 15; k < 30; k++) {
            Instant sent = T0.plusMillis(k * SPAN_MS + SPAN_MS).plus(step);
            continuity.add(dating.add(batch(3900, AccelRange.G4), k, sent, out::add));
        }

        assertEquals(Continuity.TIME, continuity.get(15));
        assertEquals(T0.plusMillis(15 * SPAN_MS + 100).plus(step), out.get(1).start());
    }

    @Test
    void rangeChange_startsANewStream() {
        for (int k = 0; k < 10; k++) {
            framed(k, k, 0);
        }
        framed(10, 10, 0, AccelRange.G8);

        assertEquals(Continuity.SETTINGS, continuity.get(10));
    }

    @Test
    void jsonBatches_withoutCounter_continueWithinTheTolerance_andBreakBeyondIt() {
        for (int k = 0; k < 15; k++) {
            Instant sent = T0.plusMillis(k * SPAN_MS + SPAN_MS);
            continuity.add(dating.add(batch(3900, AccelRange.G4), sent.plusMillis(k % 2 == 0 ? 0 : 1500), out::add));
        }
        Instant sent = T0.plusMillis(16 * SPAN_MS + SPAN_MS); // batch 15 lost: 4 s later than expected
        continuity.add(dating.add(batch(3900, AccelRange.G4), sent, out::add));

        assertEquals(14, continuity.subList(1, 15).stream().filter(c -> c == Continuity.CONTINUED).count());
        assertEquals(1, out.size());
        assertEquals(Continuity.TIME, continuity.get(15));
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

            @Override
            public List<Behaviour> behaviours() {
                return List.of(Behaviour.WALKING);
            }
        };
        SampleDating walkingCow = new SampleDating(CowId.of("1"), walking, PostureReference.EMPTY);
        for (int k = 0; k < 15; k++) { // minute 1
            walkingCow.add(batch(3900, AccelRange.G4), k, T0.plusMillis(k * SPAN_MS + SPAN_MS), o -> { });
        }
        assertEquals(6, walkingCow.posture().walkingWindows());

        for (int k = 450; k < 465; k++) { // a minute after half an hour of radio silence: a new stream
            walkingCow.add(batch(3900, AccelRange.G4), k - 350, T0.plusMillis(k * SPAN_MS + SPAN_MS), o -> { });
        }

        assertEquals(12, walkingCow.posture().walkingWindows(), "the new stream after the gap continues the reference");
    }
}
