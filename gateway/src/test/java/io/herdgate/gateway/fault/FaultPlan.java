package io.herdgate.gateway.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random schedule of faults over a run: the same seed gives the same faults at the same
 * simulated minutes. Every kind appears at least once when there are at least as many faults as kinds.
 */
record FaultPlan(List<Fault> faults) {

    /**
     * @param minute  when it starts, simulated minutes after the run's start
     * @param lasts   how long it lasts (0 for a kill or a storm)
     * @param count   for a storm: how many sends fail; for a kill: the delay before the kill, ms
     */
    record Fault(int minute, FaultKind kind, Duration lasts, int count) {
    }

    static FaultPlan random(long seed, int faults, Duration span) {
        SplittableRandom r = new SplittableRandom(seed);
        int minutes = (int) span.toMinutes();
        FaultKind[] kinds = FaultKind.values();
        List<Fault> list = new ArrayList<>();
        for (int i = 0; i < faults; i++) {
            FaultKind k = i < kinds.length ? kinds[i] : kinds[r.nextInt(kinds.length)];
            // faults start in the first 80 % of the run so their effects end inside it
            int at = 30 + r.nextInt(Math.max(1, minutes * 8 / 10 - 30));
            Duration lasts = switch (k) {
                case BROKER_RESTART -> Duration.ofMinutes(1 + r.nextInt(5));
                case SERIAL_UNPLUG -> Duration.ofMinutes(1 + r.nextInt(30));
                case LONG_OUTAGE -> Duration.ofHours(2 + r.nextInt(3));
                case CLOCK_FORWARD, CLOCK_BACK -> Duration.ofMinutes(2 + r.nextInt(20));
                case KILL_9, API_ERROR_STORM -> Duration.ZERO;
            };
            int count = k == FaultKind.API_ERROR_STORM ? 5 + r.nextInt(26) : r.nextInt(40);
            list.add(new Fault(at, k, lasts, count));
        }
        list.sort(Comparator.comparingInt(Fault::minute));
        return new FaultPlan(List.copyOf(list));
    }
}
