package io.herdgate.protocol.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.herdgate.protocol.serial.Deframed;
import io.herdgate.protocol.serial.Deframer;
import io.herdgate.protocol.serial.DongleRecord;
import io.herdgate.protocol.serial.Enframer;
import io.herdgate.protocol.serial.RadioDownlink;
import io.herdgate.protocol.serial.RadioFrame;
import io.herdgate.protocol.serial.RadioUplink;
import io.herdgate.protocol.serial.TxTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The serial framing of {@code test-vectors.json}: {@code hex} is one line of the dongle link
 * ({@code spec/serial-link.md}), {@code record} its radio fields, {@code expect} either the outcome of
 * the frame inside or the serial rejection ({@code bad_crc}, ...).
 */
final class SerialVectors {

    private SerialVectors() {
    }

    /** The frame inside the line's one record, or empty after checking the expected serial rejection. */
    static Optional<byte[]> frame(byte[] line, JsonNode step, String where) {
        List<Deframed> results = new ArrayList<>();
        Deframer deframer = Deframer.create();
        deframer.feed(line, results::add);
        assertEquals(0, deframer.pending(), where + ": bytes after the last 00");
        assertEquals(1, results.size(), where + ": one record per line");
        if (results.get(0) instanceof Deframed.Rejected r) {
            assertEquals(step.path("expect").asText(), r.reason().wireName(), where + ": " + r);
            return Optional.empty();
        }
        DongleRecord record = ((Deframed.Accepted) results.get(0)).record();
        JsonNode expected = step.path("record");
        assertEquals(expected.path("kind").asText(), record.kind().name().toLowerCase(Locale.ROOT), where);
        assertEquals(expected.toString(), fields(record, expected).toString(), where + ": radio fields");
        return Optional.of(radioFrame(record, where).toByteArray());
    }

    /** The serial line of {@code frame} in the record described by {@code record}. */
    static byte[] line(JsonNode record, byte[] frame) {
        RadioFrame f = RadioFrame.of(frame);
        DongleRecord r = switch (record.path("kind").asText()) {
            case "radio_uplink" -> RadioUplink.of(record.path("channel").asInt(), record.path("rssi_dbm").asInt(),
                    (int) Math.round(record.path("snr_db").asDouble() * 4), record.path("rx_time_ms").asLong(), f);
            case "radio_downlink" -> RadioDownlink.of(TxTag.of(record.path("tag").asInt()),
                    record.path("channel").asInt(), record.path("tx_power_dbm").asInt(), f);
            default -> fail("record kind " + record.path("kind") + " carries no radio frame");
        };
        return Enframer.create().enframe(r);
    }

    private static JsonNode fields(DongleRecord record, JsonNode like) {
        com.fasterxml.jackson.databind.node.ObjectNode o = like.deepCopy();
        if (record instanceof RadioUplink u) {
            o.put("channel", u.channel()).put("rssi_dbm", u.rssiDbm()).put("snr_db", u.snrDb())
                    .put("rx_time_ms", u.rxTimeMs());
        } else if (record instanceof RadioDownlink d) {
            o.put("tag", d.tag().value()).put("channel", d.channel()).put("tx_power_dbm", d.txPowerDbm());
        }
        return o;
    }

    private static RadioFrame radioFrame(DongleRecord record, String where) {
        if (record instanceof RadioUplink u) {
            return u.frame();
        }
        if (record instanceof RadioDownlink d) {
            return d.frame();
        }
        return fail(where + ": a " + record.kind() + " record carries no radio frame");
    }
}
