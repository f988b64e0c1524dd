package io.herdgate.gateway.demo;

import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.notify.Recipient;
import io.herdgate.gateway.outbox.Outbox;
import io.herdgate.gateway.outbox.OutboxPump;
import io.herdgate.gateway.outbox.OutboxSettings;
import io.herdgate.gateway.outbox.OutboxWatcher;
import io.herdgate.gateway.phone.FakeCloudApi;
import io.herdgate.gateway.phone.FakeCloudApiSettings;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.AlarmLog;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteMessageLog;
import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.gateway.whatsapp.TemplateCatalog;
import io.herdgate.gateway.whatsapp.WhatsAppChannel;
import io.herdgate.gateway.whatsapp.WhatsAppSettings;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.detect.AlarmListener;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo farmer's phone: the fake WhatsApp Cloud API (with its page of what the phone received) on
 * loopback, and the gateway's real WhatsApp channel and durable outbox sending to it. Every raised alarm
 * becomes one message to the demo farmer. This is the demo's stand-in for the alarm lifecycle and
 * contact routing (who is told, escalation, quiet hours), which decide recipients in a real install.
 */
final class DemoPhone implements AlarmListener, AutoCloseable {

    static final Recipient FARMER = Recipient.of(ContactId.of("demo-farmer"), "Anna",
            PhoneNumber.of("+4915112345678"), Locale.ENGLISH);
    private static final PhoneNumberId NUMBER = PhoneNumberId.of("106540352242922");
    private static final Secret TOKEN = Secret.of("demo-access-token-" + Long.toHexString(new SecureRandom().nextLong()));
    private static final Secret APP_SECRET = Secret.of("demo-app-secret");

    private final FakeCloudApi api;
    private final AlarmLog alarms;
    private final Outbox outbox;
    private final OutboxPump pump;

    private DemoPhone(FakeCloudApi api, AlarmLog alarms, Outbox outbox, OutboxPump pump) {
        this.api = api;
        this.alarms = alarms;
        this.outbox = outbox;
        this.pump = pump;
    }

    /** Starts the fake Cloud API on {@code port} (0: any) and the channel and outbox on the gateway's database. */
    static DemoPhone start(Database db, Clock clock, ZoneId zone, int port) {
        FakeCloudApi api = FakeCloudApi.start(FakeCloudApiSettings.of(NUMBER, TOKEN, APP_SECRET, clock).withPort(port));
        try {
            WhatsAppSettings settings = WhatsAppSettings.of(NUMBER, TOKEN, APP_SECRET, Secret.of("demo-verify"), zone)
                    .withBaseUrl(api.baseUrl()).withTimeout(Duration.ofSeconds(5));
            WhatsAppChannel channel = WhatsAppChannel.of(settings, TemplateCatalog.bundled(), alarm -> Optional.empty(),
                    SqliteMessageLog.of(db), clock);
            Outbox outbox = Outbox.open(db, OutboxSettings.defaults(), clock, OutboxWatcher.none());
            return new DemoPhone(api, AlarmLog.of(db), outbox, OutboxPump.of(outbox, List.of(channel), clock, new SecureRandom()));
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
    }

    /** The page showing what the farmer's phone received. */
    URI page() {
        return api.baseUrl().resolve("/phone");
    }

    @Override
    public void onEvent(AlarmEvent event) {
        if (!(event instanceof AlarmEvent.Raised)) {
            return;
        }
        Alarm a = event.alarm();
        AlarmId id = alarms.record(a); // the row the gateway has just written: same alarm, same id
        Content.AlarmMessage m = new Content.AlarmMessage(id, a.type(), a.severity(), List.of(a.cow()), a.raisedAt(), 0,
                Map.of(a.explanation().measure(), String.format(Locale.ROOT, "%.0f", a.explanation().value())));
        outbox.enqueue(Notification.of(NotificationKey.forAlarm(id, FARMER.contact(), 0), FARMER,
                a.severity() == Severity.CRITICAL ? Priority.HIGH : Priority.NORMAL, m), ChannelName.WHATSAPP);
    }

    /** Sends what the outbox has due; returns how many were tried. */
    int pump() {
        return pump.pumpDue();
    }

    /** Messages the farmer's phone has received. */
    int received() {
        return api.inbox(FARMER.phone()).size();
    }

    @Override
    public void close() {
        api.close();
    }
}
