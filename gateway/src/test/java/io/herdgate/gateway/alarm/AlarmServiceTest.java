package io.herdgate.gateway.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.outbox.OutboxSettings;
import io.herdgate.gateway.routing.ContactsFile;
import io.herdgate.gateway.schedule.Scheduler;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.testing.ScriptedChannel;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.sim.herd.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlarmServiceTest {

    @TempDir
    Path dir;

    @Test
    void scheduledService_sendsByWhatsApp_escalatesOnTime_andFallsBackToSmsWhenWhatsAppIsDown() throws Exception {
        ManualClock clock = ManualClock.of(AlarmDeskTest.DAY);
        ScriptedChannel whatsapp = ScriptedChannel.accepting(ChannelName.WHATSAPP, clock);
        ScriptedChannel sms = ScriptedChannel.accepting(ChannelName.SMS, clock);
        Scheduler scheduler = Scheduler.of(clock, ZoneId.of("Europe/Berlin"));
        try (Database db = Database.open(dir.resolve("h.db"));
             AlarmService s = AlarmService.open(db, ContactsFile.parse(AlarmDeskTest.CONTACTS, "contacts.yaml"),
                     OutboxSettings.defaults(), List.of(whatsapp, sms), clock)) {
            s.start(scheduler);

            s.desk().onEvent(AlarmEvent.Raised.of(AlarmDeskTest.alarm("17", AlarmType.NO_MOTION, clock.instant())));
            for (int i = 0; i < 60 * 14; i++) {
                clock.advance(Duration.ofSeconds(1));
                scheduler.runDue();
                assertTrue(s.awaitDelivery(Duration.ofSeconds(10)));
            }
            assertEquals(1, whatsapp.sent().size(), "Anna at once");
            whatsapp.answer(n -> new DeliveryResult.ChannelDown("190", "access token expired"));
            for (int i = 0; i < 60 * 2; i++) {
                clock.advance(Duration.ofSeconds(1));
                scheduler.runDue();
                assertTrue(s.awaitDelivery(Duration.ofSeconds(10)));
            }

            assertEquals(List.of("+4915187654321"), sms.sent().stream().map(n -> n.to().phone().e164()).toList(),
                    "Bob after 15 min, by SMS");
        }
    }
}
