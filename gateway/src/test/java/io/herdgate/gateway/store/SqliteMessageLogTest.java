package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.DeliveryStatus.State;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.whatsapp.MessageId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqliteMessageLogTest {

    private static final PhoneNumber ANNA = PhoneNumber.of("+4915112345678");
    private static final MessageId M = MessageId.of("wamid.1");
    private static final Instant T = Instant.parse("2026-11-21T06:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "SENT, DELIVERED, true, DELIVERED",
            "DELIVERED, SENT, false, DELIVERED",
            "READ, DELIVERED, false, READ",
            "DELIVERED, DELIVERED, false, DELIVERED",
            "READ, FAILED, true, FAILED",
            "FAILED, READ, false, FAILED",
    })
    void recordStatus_keepsTheFurthestState(State first, State second, boolean changed, State kept) {
        try (Database db = Database.open(dir.resolve("g.db"))) {
            SqliteMessageLog log = SqliteMessageLog.of(db);
            assertTrue(log.recordStatus(DeliveryStatus.of(M.value(), first, T, "")));
            assertEquals(changed, log.recordStatus(DeliveryStatus.of(M.value(), second, T.plusSeconds(1), "")));
            assertEquals(kept, log.status(M).orElseThrow().state());
        }
    }

    @Test
    void recordInbound_sameIdTwice_isADuplicate_andTheLatestOpensTheWindow() {
        try (Database db = Database.open(dir.resolve("g.db"))) {
            SqliteMessageLog log = SqliteMessageLog.of(db);
            assertEquals(Optional.empty(), log.lastInbound(ANNA));
            assertTrue(log.recordInbound(MessageId.of("wamid.in1"), ANNA, T));
            assertFalse(log.recordInbound(MessageId.of("wamid.in1"), ANNA, T));
            assertTrue(log.recordInbound(MessageId.of("wamid.in2"), ANNA, T.plusSeconds(60)));
            assertEquals(Optional.of(T.plusSeconds(60)), log.lastInbound(ANNA));
        }
    }

    @Test
    void recordSent_survivesReopening_andMapsTheMessageToItsAlarm() {
        Path file = dir.resolve("g.db");
        try (Database db = Database.open(file)) {
            SqliteMessageLog.of(db).recordSent(M, NotificationKey.of("alarm/42/anna/0"), Optional.of(AlarmId.of(42)), ANNA, T);
            SqliteMessageLog.of(db).recordSent(MessageId.of("wamid.s"), NotificationKey.of("summary/2026-11-21/anna"),
                    Optional.empty(), ANNA, T);
        }
        try (Database db = Database.open(file)) {
            assertEquals(Optional.of(AlarmId.of(42)), SqliteMessageLog.of(db).alarmOf(M));
            assertEquals(Optional.empty(), SqliteMessageLog.of(db).alarmOf(MessageId.of("wamid.s")));
            assertEquals(Optional.empty(), SqliteMessageLog.of(db).alarmOf(MessageId.of("wamid.unknown")));
        }
    }
}
