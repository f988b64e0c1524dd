package io.herdgate.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.SampleBatch;
import java.io.IOException;

/**
 * Reads the codec's JSON form of a sample batch ({@code {"type":"sample_batch","first_sample_age_ms":..,
 * "rate_chz":..,"range_g":..,"xyz":[[x,y,z],..]}}) with Jackson data binding into a {@link SampleBatch}:
 * the path a JSON-over-MQTT collar would take through the gateway.
 */
final class JsonBatches {

    /** The JSON document as Jackson binds it. */
    record Doc(@JsonProperty("type") String type,
               @JsonProperty("first_sample_age_ms") long firstSampleAgeMs,
               @JsonProperty("rate_chz") int rateCentiHz,
               @JsonProperty("range_g") int rangeG,
               @JsonProperty("xyz") short[][] xyz) {
    }

    private final ObjectReader reader = new ObjectMapper().readerFor(Doc.class);

    private JsonBatches() {
    }

    static JsonBatches create() {
        return new JsonBatches();
    }

    SampleBatch read(byte[] json) throws IOException {
        Doc d = reader.readValue(json);
        short[] xyz = new short[3 * d.xyz().length];
        for (int i = 0; i < d.xyz().length; i++) {
            System.arraycopy(d.xyz()[i], 0, xyz, 3 * i, 3);
        }
        AccelRange range = switch (d.rangeG()) {
            case 2 -> AccelRange.G2;
            case 4 -> AccelRange.G4;
            case 8 -> AccelRange.G8;
            case 16 -> AccelRange.G16;
            default -> throw new IOException("range_g " + d.rangeG() + " not one of 2, 4, 8, 16");
        };
        return SampleBatch.of(d.firstSampleAgeMs(), d.rateCentiHz(), range, xyz);
    }
}
