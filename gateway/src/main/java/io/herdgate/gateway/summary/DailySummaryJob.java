package io.herdgate.gateway.summary;

import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.Content.DailySummary;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.outbox.EnqueueResult;
import io.herdgate.gateway.outbox.Outbox;
import io.herdgate.gateway.routing.OptOuts;
import io.herdgate.gateway.schedule.JobName;
import io.herdgate.gateway.schedule.Scheduler;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.tinylog.Logger;

/**
 * Sends the daily herd summary to each subscriber at {@link SummarySettings#at()} in the subscriber's own
 * zone: one one-shot job per subscriber on the gateway's {@link Scheduler}, re-armed after each run for the
 * next fire time of a Quartz cron expression in that zone (so daylight-saving days are Quartz's). The
 * summary goes into the {@link Outbox} (WhatsApp first, SMS as fallback) under the key
 * {@code summary/<day>/<contact>}, so a second run for the same day adds nothing.
 */
public final class DailySummaryJob {

    private static final String PREFIX = "daily-summary/";

    private final SummarySettings settings;
    private final HerdSummary herd;
    private final Outbox outbox;
    private final OptOuts optOuts;
    private final Scheduler scheduler;
    private final Clock clock;
    private final List<JobName> armed = new ArrayList<>();

    private DailySummaryJob(SummarySettings settings, HerdSummary herd, Outbox outbox, OptOuts optOuts, Scheduler scheduler,
                            Clock clock) {
        this.settings = settings;
        this.herd = herd;
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** @param optOuts numbers that answered STOP get no summary until they answer START */
    public static DailySummaryJob of(SummarySettings settings, HerdSummary herd, Outbox outbox, OptOuts optOuts,
                                     Scheduler scheduler, Clock clock) {
        return new DailySummaryJob(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(herd, "herd"),
                Objects.requireNonNull(outbox, "outbox"), Objects.requireNonNull(optOuts, "optOuts"),
                Objects.requireNonNull(scheduler, "scheduler"), Objects.requireNonNull(clock, "clock"));
    }

    /** Arms the subscribers' jobs, replacing those armed before (call again when the contacts change). */
    public synchronized void schedule(List<SummarySubscriber> subscribers) {
        armed.forEach(scheduler::cancel);
        armed.clear();
        for (SummarySubscriber s : subscribers) {
            JobName name = JobName.of(PREFIX + s.to().contact());
            armed.add(name);
            arm(name, s);
        }
    }

    private void arm(JobName name, SummarySubscriber s) {
        scheduler.at(name, next(s.zone(), clock.instant()), () -> {
            send(s);
            arm(name, s);
        });
    }

    /** The first summary time strictly after {@code after} in {@code zone}. */
    Instant next(ZoneId zone, Instant after) {
        CronExpression cron = cron();
        cron.setTimeZone(TimeZone.getTimeZone(zone));
        return cron.getNextValidTimeAfter(Date.from(after)).toInstant();
    }

    private CronExpression cron() {
        try {
            return new CronExpression(settings.at().getSecond() + " " + settings.at().getMinute() + " "
                    + settings.at().getHour() + " * * ?");
        } catch (ParseException e) {
            throw new IllegalStateException("a time of day makes a valid cron expression", e);
        }
    }

    /** Builds and queues the summary for {@code s} as of now. */
    void send(SummarySubscriber s) {
        if (optOuts.isOptedOut(s.to().phone())) {
            Logger.info("daily summary for {} not sent: the number answered STOP", s.to().contact());
            return;
        }
        DailySummary summary = herd.at(clock.instant(), s.zone());
        NotificationKey key = NotificationKey.of("summary/" + summary.day() + "/" + s.to().contact());
        EnqueueResult r = outbox.enqueue(Notification.of(key, s.to(), Priority.NORMAL, summary), ChannelName.WHATSAPP);
        if (!(r instanceof EnqueueResult.Accepted)) {
            Logger.info("daily summary {} not queued: {}", key, r);
        }
    }
}
