package io.herdgate.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Reply;
import io.herdgate.gateway.store.AlarmId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyCodesTest {

    private static final PhoneNumber FROM = PhoneNumber.of("+4915112345678");
    private static final Instant AT = Instant.parse("2026-11-21T13:05:09Z");
    private static final Optional<AlarmId> LAST = Optional.of(AlarmId.of(41));

    private static Optional<Reply> parse(String text) {
        return ReplyCodes.parse(text, FROM, AT, LAST);
    }

    @Test
    void ack_withNumber_acknowledgesThatAlarm() {
        assertEquals(Optional.of(new Reply.Acknowledge(FROM, AT, AlarmId.of(123))), parse(" ack 123 "));
        assertEquals(Optional.of(new Reply.Acknowledge(FROM, AT, AlarmId.of(123))), parse("OK #123."));
    }

    @Test
    void ack_withoutNumber_acknowledgesTheLastAlarmSent() {
        assertEquals(Optional.of(new Reply.Acknowledge(FROM, AT, AlarmId.of(41))), parse("Ack"));
        assertEquals(Optional.empty(), ReplyCodes.parse("ACK", FROM, AT, Optional.empty()));
    }

    @Test
    void vet_andSnooze_withAndWithoutMinutes() {
        assertEquals(Optional.of(new Reply.CallVet(FROM, AT, AlarmId.of(7))), parse("VET 7"));
        assertEquals(Optional.of(new Reply.Snooze(FROM, AT, AlarmId.of(7), Duration.ofMinutes(30))), parse("snooze 7"));
        assertEquals(Optional.of(new Reply.Snooze(FROM, AT, AlarmId.of(7), Duration.ofMinutes(90))), parse("SNOOZE 7 90"));
    }

    @Test
    void stopAndStart_optOutAndIn() {
        assertEquals(Optional.of(new Reply.OptOut(FROM, AT)), parse("Stop"));
        assertEquals(Optional.of(new Reply.OptIn(FROM, AT)), parse("START"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "thanks", "ACK 0", "ACK 12 34", "SNOOZE 7 1", "SNOOZE 7 9999", "STOP IT", "ACKNOWLEDGED"})
    void anythingElse_isNoReply(String text) {
        assertEquals(Optional.empty(), parse(text));
    }
}
