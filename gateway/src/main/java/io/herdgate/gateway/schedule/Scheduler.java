package io.herdgate.gateway.schedule;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.tinylog.Logger;

/**
 * Jobs run at times of the injected {@link Clock}, when {@link #runDue()} is called (every second by
 * the gateway's schedule thread; by hand in simulations and tests).
 *
 * <ul>
 *   <li>Calendar jobs ({@link #daily}, {@link #cron}): Quartz cron expressions in the farm's zone, so
 *       daylight-saving changes are Quartz's. Fire times that passed unseen (a slow machine, a clock
 *       step forward) fire once, not once per missed time.</li>
 *   <li>Interval jobs ({@link #every}): next run one interval after the previous one ran.</li>
 *   <li>One-shot jobs ({@link #after}, {@link #at}): deadlines such as escalations.</li>
 * </ul>
 *
 * <p>As a {@link ClockJumpListener}: after a clock step, interval and one-shot jobs keep the delay they
 * had left (their deadlines were computed from the stepped clock, so they move with it; an escalation
 * due in 10 minutes is still due in 10 minutes, neither fired a day early nor held back a day); calendar
 * jobs are re-evaluated against the new time (a step back re-arms today's daily summary; a step forward
 * over it fires it once).
 *
 * <p>Quartz's own scheduler thread is not used: it reads the system clock, so it cannot run on simulated
 * time, and it would treat a clock step as misfires of every trigger. Scheduling a name again replaces
 * the job. A failing job is logged and keeps its schedule. Thread-safe; jobs run on the caller of
 * {@link #runDue()}, one at a time, and may schedule or cancel jobs.
 */
public final class Scheduler implements ClockJumpListener {

    private final Clock clock;
    private final ZoneId zone;
    private final Map<JobName, Job> jobs = new LinkedHashMap<>();

    private Scheduler(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** @param zone the farm's zone, in which calendar jobs are read */
    public static Scheduler of(Clock clock, ZoneId zone) {
        return new Scheduler(Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(zone, "zone"));
    }

    /** Runs {@code job} every day at {@code at}, local time. */
    public void daily(JobName name, LocalTime at, Runnable job) {
        cron(name, at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " * * ?", job);
    }

    /**
     * Runs {@code job} at the times of a Quartz cron expression ({@code sec min hour day-of-month month
     * day-of-week [year]}), local time.
     *
     * @throws IllegalArgumentException when the expression is not valid, naming the problem
     */
    public void cron(JobName name, String expression, Runnable job) {
        CronExpression cron;
        try {
            cron = new CronExpression(expression);
        } catch (ParseException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a cron expression: " + e.getMessage(), e);
        }
        cron.setTimeZone(TimeZone.getTimeZone(zone));
        Timing.Calendar t = new Timing.Calendar(cron);
        put(name, t, job, t.after(clock.instant()));
    }

    /** Runs {@code job} every {@code interval} (at least 1 ms), the first time one interval from now. */
    public void every(JobName name, Duration interval, Runnable job) {
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("interval must be at least 1 ms, got " + interval);
        }
        put(name, new Timing.Every(interval), job, Optional.of(clock.instant().plus(interval)));
    }

    /** Runs {@code job} once, {@code delay} from now. */
    public void after(JobName name, Duration delay, Runnable job) {
        at(name, clock.instant().plus(delay), job);
    }

    /** Runs {@code job} once at {@code when} (at the next {@link #runDue()} if that has passed). */
    public void at(JobName name, Instant when, Runnable job) {
        put(name, new Timing.Once(), job, Optional.of(when));
    }

    private synchronized void put(JobName name, Timing timing, Runnable job, Optional<Instant> next) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(job, "job");
        jobs.put(name, new Job(name, timing, job, next.orElse(null)));
    }

    /** Removes the job; whether there was one. */
    public synchronized boolean cancel(JobName name) {
        return jobs.remove(name) != null;
    }

    /** When the job runs next; empty for an unknown job or a calendar without further dates. */
    public synchronized Optional<Instant> next(JobName name) {
        Job j = jobs.get(name);
        return j == null ? Optional.empty() : Optional.ofNullable(j.next);
    }

    /** The scheduled jobs' names, in the order scheduled; immutable. */
    public synchronized List<JobName> jobs() {
        return List.copyOf(jobs.keySet());
    }

    /**
     * Runs every job that is due by the clock, earliest first, and sets each one's next time.
     *
     * @return jobs run
     */
    public int runDue() {
        List<Job> due = new ArrayList<>();
        Instant now = clock.instant();
        synchronized (this) {
            for (Job j : jobs.values()) {
                if (j.next != null && !j.next.isAfter(now)) {
                    due.add(j);
                }
            }
            due.sort(Comparator.comparing((Job j) -> j.next));
            for (Job j : due) {
                Optional<Instant> next = j.timing.nextAfterRun(now);
                if (next.isPresent() || j.timing instanceof Timing.Calendar) {
                    jobs.put(j.name, j.at(next.orElse(null)));
                } else {
                    jobs.remove(j.name);
                }
            }
        }
        for (Job j : due) {
            try {
                j.work.run();
            } catch (RuntimeException e) {
                Logger.error(e, "scheduled job {} failed; it keeps its schedule", j.name);
            }
        }
        return due.size();
    }

    @Override
    public synchronized void onJump(ClockJump jump) {
        Instant now = jump.actual();
        jobs.replaceAll((name, j) -> {
            if (j.timing instanceof Timing.Calendar c) {
                return jump.forward() ? j : j.at(c.after(now).orElse(null));
            }
            return j.next == null ? j : j.at(j.next.plus(jump.size()));
        });
    }

    private record Job(JobName name, Timing timing, Runnable work, Instant next) {
        Job at(Instant t) {
            return new Job(name, timing, work, t);
        }
    }

    private sealed interface Timing {

        /** The next time after a run at {@code now}; empty when the job is done. */
        Optional<Instant> nextAfterRun(Instant now);

        record Calendar(CronExpression cron) implements Timing {
            @Override
            public Optional<Instant> nextAfterRun(Instant now) {
                return after(now);
            }

            Optional<Instant> after(Instant t) {
                Date d = cron.getNextValidTimeAfter(Date.from(t));
                return Optional.ofNullable(d).map(Date::toInstant);
            }
        }

        record Every(Duration interval) implements Timing {
            @Override
            public Optional<Instant> nextAfterRun(Instant now) {
                return Optional.of(now.plus(interval));
            }
        }

        record Once() implements Timing {
            @Override
            public Optional<Instant> nextAfterRun(Instant now) {
                return Optional.empty();
            }
        }
    }
}
