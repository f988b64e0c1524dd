package io.herdgate.gateway.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.sim.herd.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // 06:00 in Berlin (UTC+1 in March before the change)
    private static final Instant T0 = Instant.parse("2026-03-02T05:00:00Z");
    private static final JobName SUMMARY = JobName.of("daily-summary");
    private static final JobName ESCALATE = JobName.of("escalate/42");

    private final ManualClock clock = ManualClock.of(T0);
    private final AtomicLong nanos = new AtomicLong();
    private final Scheduler scheduler = Scheduler.of(clock, BERLIN);
    private final ClockJumpGuard guard = ClockJumpGuard.of(clock, nanos::get, ClockJumpGuard.DEFAULT_TOLERANCE);
    private final List<String> ran = new ArrayList<>();

    {
        guard.addListener(scheduler);
    }

    /** Real time passes: both clocks move, the schedule is run every minute. */
    private void live(Duration d) {
        for (Duration left = d; !left.isZero(); ) {
            Duration step = left.compareTo(Duration.ofMinutes(1)) < 0 ? left : Duration.ofMinutes(1);
            clock.advance(step);
            nanos.addAndGet(step.toNanos());
            guard.check();
            scheduler.runDue();
            left = left.minus(step);
        }
    }

    /** NTP steps the wall clock; the monotonic clock does not move. */
    private void step(Duration d) {
        clock.advance(d);
        guard.check();
        scheduler.runDue();
    }

    @Test
    void daily_runsAtTheLocalTimeInTheFarmsZone() {
        scheduler.daily(SUMMARY, LocalTime.of(7, 0), () -> ran.add("summary@" + clock.instant()));
        assertEquals(Optional.of(Instant.parse("2026-03-02T06:00:00Z")), scheduler.next(SUMMARY));

        live(Duration.ofHours(25));

        assertEquals(List.of("summary@2026-03-02T06:00:00Z", "summary@2026-03-03T06:00:00Z"), ran);
    }

    @Test
    void daily_acrossTheSpringChange_keepsTheLocalTime() {
        clock.set(Instant.parse("2026-03-28T12:00:00Z"));
        scheduler.daily(SUMMARY, LocalTime.of(7, 0), () -> ran.add(clock.instant().toString()));
        live(Duration.ofDays(2));
        assertEquals(List.of("2026-03-29T05:00:00Z", "2026-03-30T05:00:00Z"), ran);
    }

    @Test
    void every_runsOneIntervalAfterThePreviousRun() {
        scheduler.every(JobName.of("tick"), Duration.ofMinutes(10), () -> ran.add(clock.instant().toString()));
        live(Duration.ofMinutes(30));
        assertEquals(List.of("2026-03-02T05:10:00Z", "2026-03-02T05:20:00Z", "2026-03-02T05:30:00Z"), ran);
    }

    @Test
    void after_runsOnceAndIsThenGone() {
        scheduler.after(ESCALATE, Duration.ofMinutes(15), () -> ran.add(clock.instant().toString()));
        live(Duration.ofHours(1));
        assertEquals(List.of("2026-03-02T05:15:00Z"), ran);
        assertEquals(List.of(), scheduler.jobs());
    }

    @Test
    void cancel_beforeTheDeadline_nothingRuns() {
        scheduler.after(ESCALATE, Duration.ofMinutes(15), () -> ran.add("escalated"));
        assertTrue(scheduler.cancel(ESCALATE));
        live(Duration.ofHours(1));
        assertEquals(List.of(), ran);
    }

    @Test
    void schedulingANameAgain_replacesTheJob() {
        scheduler.after(ESCALATE, Duration.ofMinutes(15), () -> ran.add("first"));
        scheduler.after(ESCALATE, Duration.ofMinutes(5), () -> ran.add("second"));
        live(Duration.ofHours(1));
        assertEquals(List.of("second"), ran);
    }

    @Test
    void failingJob_isLoggedAndKeepsItsSchedule() {
        scheduler.every(JobName.of("flaky"), Duration.ofMinutes(1), () -> {
            ran.add("tried");
            throw new IllegalStateException("disk full");
        });
        live(Duration.ofMinutes(3));
        assertEquals(3, ran.size());
    }

    @Test
    void cron_invalidExpression_isRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scheduler.cron(SUMMARY, "0 61 * * * ?", () -> { }));
        assertTrue(e.getMessage().startsWith("'0 61 * * * ?' is not a cron expression: "), e.getMessage());
    }

    @Test
    void clockStepsForwardOneDay_escalationStillWaitsItsRemainingDelay() {
        scheduler.after(ESCALATE, Duration.ofMinutes(15), () -> ran.add("escalated after " + nanos.get() / 60_000_000_000L + " min"));
        live(Duration.ofMinutes(5));

        step(Duration.ofDays(1));
        assertEquals(List.of(), ran, "not fired early by the step");
        live(Duration.ofMinutes(10));

        assertEquals(List.of("escalated after 15 min"), ran);
    }

    @Test
    void clockStepsBackOneDay_escalationIsNotHeldBackADay() {
        scheduler.after(ESCALATE, Duration.ofMinutes(15), () -> ran.add("escalated after " + nanos.get() / 60_000_000_000L + " min"));
        live(Duration.ofMinutes(5));

        step(Duration.ofDays(-1));
        live(Duration.ofMinutes(10));

        assertEquals(List.of("escalated after 15 min"), ran);
    }

    @Test
    void clockStepsForwardOverTwoSummaries_summaryIsSentOnceNotTwice() {
        scheduler.daily(SUMMARY, LocalTime.of(7, 0), () -> ran.add("summary@" + clock.instant()));

        step(Duration.ofDays(2));

        assertEquals(List.of("summary@2026-03-04T05:00:00Z"), ran);
        assertEquals(Optional.of(Instant.parse("2026-03-04T06:00:00Z")), scheduler.next(SUMMARY));
    }

    @Test
    void clockStepsBackOneDay_summaryAlreadySentIsDueAgainAtTheNextLocalSeven() {
        scheduler.daily(SUMMARY, LocalTime.of(7, 0), () -> ran.add("summary@" + clock.instant()));
        live(Duration.ofHours(2)); // 08:00 local: today's summary was sent
        assertEquals(Optional.of(Instant.parse("2026-03-03T06:00:00Z")), scheduler.next(SUMMARY));

        step(Duration.ofDays(-1)); // back to 08:00 on the 1st: the next summary is the 2nd at 07:00 again, not the 3rd

        assertEquals(Optional.of(Instant.parse("2026-03-02T06:00:00Z")), scheduler.next(SUMMARY));
    }
}
