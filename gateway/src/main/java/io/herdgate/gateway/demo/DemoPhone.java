package io.herdgate.gateway.demo;

import io.herdgate.gateway.alarm.AlarmDesk;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.outbox.Outbox;
import io.herdgate.gateway.outbox.OutboxPump;
import io.herdgate.gateway.outbox.OutboxSettings;
import io.herdgate.gateway.outbox.OutboxWatcher;
import io.herdgate.gateway.phone.FakeCloudApi;
import io.herdgate.gateway.phone.FakeCloudApiSettings;
import io.herdgate.gateway.routing.ContactsFile;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteMessageLog;
import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.gateway.whatsapp.TemplateCatalog;
import io.herdgate.gateway.whatsapp.WhatsAppChannel;
import io.herdgate.gateway.whatsapp.WhatsAppSettings;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.detect.AlarmListener;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The demo farmer's phone: the fake WhatsApp Cloud API (with its page of what the phone received) on
 * loopback, and the gateway's real alarm desk (lifecycle, grouping, escalation, repeats until
 * acknowledged), durable outbox and WhatsApp channel sending to it, routed by a contacts file with one
 * farmer, Anna, who hears about every alarm.
 */
final class DemoPhone implements AlarmListener, AutoCloseable {

    static final PhoneNumber FARMER = PhoneNumber.of("+4915112345678");
    private static final String CONTACTS = """
            contacts:
              - id: anna
                name: Anna
                phone: "+4915112345678"
                language: en
                role: farmer
                opt-in: {at: 2026-03-01, how: herdgate demo}
            routes:
              - name: everything
                chain:
                  - contact: anna
                repeat: 2h
                max-repeats: 2
            """;
    private static final PhoneNumberId NUMBER = PhoneNumberId.of("106540352242922");
    private static final Secret TOKEN = Secret.of("demo-access-token-" + Long.toHexString(new SecureRandom().nextLong()));
    private static final Secret APP_SECRET = Secret.of("demo-app-secret");

    private final FakeCloudApi api;
    private final WhatsAppChannel channel;
    private final AlarmDesk desk;
    private final OutboxPump pump;

    private DemoPhone(FakeCloudApi api, WhatsAppChannel channel, AlarmDesk desk, OutboxPump pump) {
        this.api = api;
        this.channel = channel;
        this.desk = desk;
        this.pump = pump;
    }

    /** Starts the fake Cloud API on {@code port} (0: any) and the desk, outbox and channel on the gateway's database. */
    static DemoPhone start(Database db, Clock clock, ZoneId zone, int port) {
        FakeCloudApi api = FakeCloudApi.start(FakeCloudApiSettings.of(NUMBER, TOKEN, APP_SECRET, clock).withPort(port));
        try {
            WhatsAppSettings settings = WhatsAppSettings.of(NUMBER, TOKEN, APP_SECRET, Secret.of("demo-verify"), zone)
                    .withBaseUrl(api.baseUrl()).withTimeout(Duration.ofSeconds(5));
            WhatsAppChannel channel = WhatsAppChannel.of(settings, TemplateCatalog.bundled(), alarm -> Optional.empty(),
                    SqliteMessageLog.of(db), clock);
            Outbox outbox = Outbox.open(db, OutboxSettings.defaults(), clock, OutboxWatcher.none());
            OutboxPump pump = OutboxPump.of(outbox, List.of(channel), clock, new SecureRandom());
            AlarmDesk desk = AlarmDesk.open(db, ContactsFile.parse(CONTACTS, "demo-contacts.yaml"), outbox,
                    pump.firstChannel(), clock);
            return new DemoPhone(api, channel, desk, pump);
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
        desk.onEvent(event);
    }

    /** Escalations and repeats that are due, then whatever the outbox has due. */
    void tick() {
        desk.tick();
        pump.pumpDue();
    }

    /** Messages the farmer's phone has received. */
    int received() {
        return api.inbox(FARMER).size();
    }

    @Override
    public void close() {
        channel.close();
        api.close();
    }
}
