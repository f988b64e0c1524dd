package io.herdgate.gateway.alarm;

import io.herdgate.gateway.http.HttpModule;
import io.herdgate.gateway.notify.Channel;
import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.outbox.Outbox;
import io.herdgate.gateway.outbox.OutboxDelivery;
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
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The alarm workflow on the gateway database, assembled in one place: outbox, pump, delivery workers and
 * desk. The desk is ticked by the scheduler; the outbox is sent on threads of its own
 * ({@link OutboxDelivery}), woken the moment a notification is queued and otherwise every {@link #PUMP}.
 * Without channels alarms are still recorded and listed, and nobody is told.
 *
 * <pre>{@code
 * AlarmService alarms = AlarmService.open(db, ContactsFile.load(contactsYaml), OutboxSettings.defaults(),
 *         List.of(whatsApp, sms), clock);
 * alarms.start(scheduler);
 * engine.addListener(alarms.desk());
 * }</pre>
 */
public final class AlarmService implements AutoCloseable {

    /** How often the desk looks for due groups, holds, repeats and escalations. */
    public static final Duration TICK = Duration.ofSeconds(5);
    /** How long the first delivery worker waits for a new notification before it looks for retries that fell due. */
    public static final Duration PUMP = Duration.ofSeconds(1);

    private final Outbox outbox;
    private final Optional<OutboxPump> pump;
    private final AlarmDesk desk;
    private volatile Optional<OutboxDelivery> delivery = Optional.empty();

    private AlarmService(Outbox outbox, Optional<OutboxPump> pump, AlarmDesk desk) {
        this.outbox = outbox;
        this.pump = pump;
        this.desk = desk;
    }

    /**
     * Opens the outbox (recovering interrupted sends), the pump over {@code channels} (in order of
     * preference; none: nothing is sent) and the desk (resuming message chains). Nothing runs until
     * {@link #start}.
     */
    public static AlarmService open(Database db, RoutingConfig routing, OutboxSettings settings, List<Channel> channels,
                                    Clock clock) {
        Relay relay = new Relay();
        Outbox outbox = Outbox.open(db, settings, clock, relay);
        Optional<OutboxPump> pump = channels.isEmpty() ? Optional.empty()
                : Optional.of(OutboxPump.of(outbox, channels, clock, new SplittableRandom()));
        AlarmDesk desk = AlarmDesk.open(db, routing, outbox, pump.map(OutboxPump::firstChannel).orElse(ChannelName.WHATSAPP),
                clock);
        relay.desk = desk;
        AlarmService s = new AlarmService(outbox, pump, desk);
        relay.service = s;
        return s;
    }

    /** Schedules the desk's tick every {@link #TICK} and starts {@link OutboxDelivery#WORKERS} delivery workers. */
    public void start(Scheduler scheduler) {
        start(scheduler, OutboxDelivery.WORKERS);
    }

    /** Schedules the desk's tick every {@link #TICK} and starts {@code workers} delivery workers (1..16). */
    public void start(Scheduler scheduler, int workers) {
        scheduler.every(JobName.of("alarm-desk"), TICK, desk::tick);
        delivery = pump.map(p -> OutboxDelivery.start(p, PUMP, workers));
    }

    public AlarmDesk desk() {
        return desk;
    }

    public Outbox outbox() {
        return outbox;
    }

    /**
     * The wall clock was stepped by {@code step} (positive: forward): the outbox's unsent messages keep their
     * age and remaining wait (see {@link OutboxPump#clockStepped}).
     */
    public void clockStepped(Duration step) {
        pump.ifPresentOrElse(p -> p.clockStepped(step), () -> outbox.clockStepped(step));
    }

    /** The pump; empty without channels. */
    public Optional<OutboxPump> pump() {
        return pump;
    }

    /** A provider's later status (WhatsApp webhook, SMS report), from any thread. */
    public void onStatus(DeliveryStatus status) {
        pump.ifPresent(p -> {
            p.onStatus(status);
            if (status.state() == DeliveryStatus.State.FAILED) {
                wake(); // the row may have moved to the next channel
            }
        });
    }

    /**
     * Waits until a delivery pass that started after this call has finished (simulations, after advancing
     * their clock); at once when nothing is sent or the service is not started.
     *
     * @return false when the pass took longer than {@code timeout}
     */
    public boolean awaitDelivery(Duration timeout) {
        Optional<OutboxDelivery> d = delivery;
        if (d.isEmpty()) {
            return true;
        }
        try {
            return d.get().awaitPass(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The {@code /api/alarms} and {@code /api/silences} routes. */
    public HttpModule http() {
        return AlarmApi.of(desk);
    }

    /** Stops the delivery workers (calls under way finish first); the outbox keeps what is unsent. */
    @Override
    public void close() throws InterruptedException {
        Optional<OutboxDelivery> d = delivery;
        delivery = Optional.empty();
        if (d.isPresent()) {
            d.get().close();
        }
    }

    private void wake() {
        delivery.ifPresent(OutboxDelivery::wake);
    }

    /** The outbox exists before the desk and the delivery it tells. */
    private static final class Relay implements OutboxWatcher {
        private volatile AlarmDesk desk;
        private volatile AlarmService service;

        @Override
        public void onQueued() {
            AlarmService s = service;
            if (s != null) {
                s.wake();
            }
        }

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
