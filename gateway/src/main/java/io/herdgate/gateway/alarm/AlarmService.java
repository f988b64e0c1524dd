package io.herdgate.gateway.alarm;

import io.herdgate.gateway.http.HttpModule;
import io.herdgate.gateway.notify.Channel;
import io.herdgate.gateway.outbox.Outbox;
import io.herdgate.gateway.outbox.OutboxPump;
import io.herdgate.gateway.outbox.OutboxSettings;
import io.herdgate.gateway.outbox.OutboxWatcher;
import io.herdgate.gateway.routing.RoutingConfig;
import io.herdgate.gateway.schedule.JobName;
import io.herdgate.gateway.schedule.Scheduler;
import io.herdgate.gateway.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The alarm side wired for the gateway: outbox, pump and desk on the gateway database, driven by the
 * scheduler. The runtime registers {@link #desk()} as the detection engine's listener and the channels'
 * reply handler, {@link #http()} on the HTTP server, and passes provider statuses to
 * {@link OutboxPump#onStatus}.
 *
 * <pre>{@code
 * AlarmService alarms = AlarmService.start(db, ContactsFile.load(contactsYaml), OutboxSettings.defaults(),
 *         List.of(whatsApp, sms), clock, scheduler);
 * engine.addListener(alarms.desk());
 * }</pre>
 */
public final class AlarmService {

    /** How often the desk looks for due groups, holds, repeats and escalations. */
    public static final Duration TICK = Duration.ofSeconds(5);
    /** How often the outbox sends what is due. */
    public static final Duration PUMP = Duration.ofSeconds(1);

    private final Outbox outbox;
    private final OutboxPump pump;
    private final AlarmDesk desk;

    private AlarmService(Outbox outbox, OutboxPump pump, AlarmDesk desk) {
        this.outbox = outbox;
        this.pump = pump;
        this.desk = desk;
    }

    /**
     * Opens the outbox (recovering interrupted sends), the pump over {@code channels} (in order of
     * preference) and the desk (resuming message chains), and schedules {@code alarms/tick} every
     * {@link #TICK} and {@code outbox/pump} every {@link #PUMP}.
     */
    public static AlarmService start(Database db, RoutingConfig routing, OutboxSettings settings, List<Channel> channels,
                                     Clock clock, Scheduler scheduler) {
        DeskWatcher watcher = new DeskWatcher();
        Outbox outbox = Outbox.open(db, settings, clock, watcher);
        OutboxPump pump = OutboxPump.of(outbox, channels, clock, new SplittableRandom());
        AlarmDesk desk = AlarmDesk.open(db, routing, outbox, pump.firstChannel(), clock);
        watcher.desk = desk;
        scheduler.every(JobName.of("alarms/tick"), TICK, desk::tick);
        scheduler.every(JobName.of("outbox/pump"), PUMP, pump::pumpDue);
        return new AlarmService(outbox, pump, desk);
    }

    public AlarmDesk desk() {
        return desk;
    }

    public OutboxPump pump() {
        return pump;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** The {@code /api/alarms} and {@code /api/silences} routes. */
    public HttpModule http() {
        return AlarmApi.of(desk);
    }

    /** Forwards the outbox's fill signals to the desk, which exists only after the outbox. */
    private static final class DeskWatcher implements OutboxWatcher {
        private volatile AlarmDesk desk;

        @Override
        public void onFull(int capacity) {
            AlarmDesk d = desk;
            if (d != null) {
                d.onFull(capacity);
            }
        }

        @Override
        public void onDrained(int pending) {
            AlarmDesk d = desk;
            if (d != null) {
                d.onDrained(pending);
            }
        }
    }
}
