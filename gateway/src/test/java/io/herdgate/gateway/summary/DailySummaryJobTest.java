package io.herdgate.gateway.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.Content.DailySummary;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Recipient;
import io.herdgate.gateway.outbox.Outbox;
import io.herdgate.gateway.outbox.OutboxSettings;
import io.herdgate.gateway.outbox.OutboxWatcher;
import io.herdgate.gateway.routing.OptOuts;
import io.herdgate.gateway.schedule.Scheduler;
import io.herdgate.gateway.store.AlarmLog;
import io.herdgate.gateway.store.Database;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailySummaryJobTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final SummarySubscriber ANNA = SummarySubscriber.of(Recipient.of(ContactId.of("anna"), "Anna",
            PhoneNumber.of("+4915112345678"), Locale.GERMAN), BERLIN);
    private static final SummarySubscriber JOAO = SummarySubscriber.of(Recipient.of(ContactId.of("joao"), "João",
            PhoneNumber.of("+5511912345678"), Locale.forLanguageTag("pt-BR")), SAO_PAULO);

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.of(Instant.parse("2026-11-21T05:00:00Z"));
    private Database db;
    private Outbox outbox;
    private Scheduler scheduler;
    private DailySummaryJob job;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("g.db"));
        outbox = Outbox.open(db, OutboxSettings.defaults(), clock, OutboxWatcher.none());
        scheduler = Scheduler.of(clock, BERLIN);
        SummarySettings settings = SummarySettings.of(LocalTime.of(7, 0), 3);
        AlarmLog log = AlarmLog.of(db);
        log.record(Alarm.of(CowId.of("7019"), AlarmType.HEAT, clock.instant().minus(Duration.ofHours(2)), Severity.WARNING,
                Explanation.of("activity_10h", 30, OptionalDouble.of(10), 18, Duration.ofHours(3), Map.of())));
        job = DailySummaryJob.of(settings, HerdSummary.of(log, settings), outbox, OptOuts.of(db), scheduler, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
        scheduler.runDue();
    }

    private boolean queued(String key) {
        return outbox.find(NotificationKey.of(key)).isPresent();
    }

    @Test
    void eachSubscriber_getsTheSummary_atSevenInTheirOwnZone() {
        job.schedule(List.of(ANNA, JOAO));

        at("2026-11-21T05:59:59Z");
        assertTrue(!queued("summary/2026-11-21/anna"));
        at("2026-11-21T06:00:00Z");
        assertTrue(queued("summary/2026-11-21/anna"), "07:00 in Berlin");
        assertTrue(!queued("summary/2026-11-21/joao"));
        at("2026-11-21T10:00:00Z");
        assertTrue(queued("summary/2026-11-21/joao"), "07:00 in São Paulo");

        DailySummary s = (DailySummary) outbox.find(NotificationKey.of("summary/2026-11-21/anna")).orElseThrow()
                .notification().content();
        assertEquals(List.of(CowId.of("7019")), s.inHeat());
    }

    @Test
    void job_isReArmed_forTheNextDay() {
        job.schedule(List.of(ANNA));

        at("2026-11-21T06:00:00Z");
        at("2026-11-22T06:00:00Z");

        assertTrue(queued("summary/2026-11-22/anna"));
    }

    @Test
    void summaryTime_followsDaylightSaving() {
        assertEquals(Instant.parse("2026-03-28T06:00:00Z"), job.next(BERLIN, Instant.parse("2026-03-28T00:00:00Z")));
        assertEquals(Instant.parse("2026-03-29T05:00:00Z"), job.next(BERLIN, Instant.parse("2026-03-29T00:00:00Z")),
                "07:00 CEST");
    }

    @Test
    void scheduleAgain_replacesTheJobs() {
        job.schedule(List.of(ANNA, JOAO));
        job.schedule(List.of(JOAO));

        at("2026-11-21T10:00:00Z");

        assertTrue(queued("summary/2026-11-21/joao"));
        assertTrue(!queued("summary/2026-11-21/anna"), "anna no longer subscribes");
        assertEquals(1, scheduler.jobs().size());
    }

    @Test
    void subscriberWhoAnsweredStop_getsNoSummary_untilStart() {
        job.schedule(List.of(ANNA));
        OptOuts.of(db).optOut(ANNA.to().phone(), clock.instant());

        at("2026-11-21T06:00:00Z");
        assertTrue(!queued("summary/2026-11-21/anna"), "STOP holds for the summary too");

        OptOuts.of(db).optIn(ANNA.to().phone());
        at("2026-11-22T06:00:00Z");
        assertTrue(queued("summary/2026-11-22/anna"));
    }
}
