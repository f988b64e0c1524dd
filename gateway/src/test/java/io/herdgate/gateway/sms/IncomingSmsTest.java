package io.herdgate.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncomingSmsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T14:00:00Z");

    @Test
    void ucs2Message_isDecoded_withTheServiceCentreTime() {
        IncomingSms sms = IncomingSms.parse(List.of("+CMGR: \"" + Ucs2Hex.encode("REC UNREAD") + "\",\""
                + Ucs2Hex.encode("+4915112345678") + "\",,\"26/11/21,14:05:09+04\"", Ucs2Hex.encode("ACK 12 ✓")), NOW)
                .orElseThrow();

        assertEquals(Optional.of(PhoneNumber.of("+4915112345678")), sms.phone());
        assertEquals("ACK 12 ✓", sms.text());
        assertEquals(Instant.parse("2026-11-21T13:05:09Z"), sms.sentAt(), "+04 is four quarter hours east");
    }

    @Test
    void plainMessage_fromANationalNumber_hasNoPhone_andAMissingTimeIsTheReceivingTime() {
        IncomingSms sms = IncomingSms.parse(List.of("+CMGR: \"REC UNREAD\",\"015112345678\",,\"garbled\"", "stop"), NOW)
                .orElseThrow();

        assertEquals("stop", sms.text());
        assertTrue(sms.phone().isEmpty());
        assertEquals(NOW, sms.sentAt());
    }

    @Test
    void cmglListing_givesEachMessageWithItsIndex_textOverSeveralLines() {
        List<IncomingSms.Stored> list = IncomingSms.parseList(List.of(
                "+CMGL: 3,\"REC UNREAD\",\"+4915112345678\",,\"26/11/21,14:05:09+04\"", "ACK 17",
                "+CMGL: 5,\"REC READ\",\"+4915187654321\",,\"26/11/21,14:06:00+04\"", "first line", "second line",
                "+CMGL: x,broken"), NOW);

        assertEquals(2, list.size());
        assertEquals(3, list.get(0).index());
        assertEquals("ACK 17", list.get(0).sms().text());
        assertEquals(5, list.get(1).index());
        assertEquals("first line\nsecond line", list.get(1).sms().text());
        assertEquals("+4915187654321", list.get(1).sms().sender());
    }

    @Test
    void anAnswerWithoutCmgr_isNoMessage() {
        assertTrue(IncomingSms.parse(List.of("+CMS ERROR: 321"), NOW).isEmpty());
    }
}
