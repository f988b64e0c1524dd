package io.herdgate.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Golden topics and payloads: these are the documented wire format (deploy/UPSTREAM.md). */
class UpstreamCodecTest {

    private static final UpstreamCodec CODEC = UpstreamCodec.of("herdgate", GatewayName.of("farm1"));
    private static final Instant T = Instant.parse("2026-11-21T06:14:00.250Z");

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(UpstreamEvent.AlarmChange.of(CowId.of("7019"), AlarmType.HEAT,
                                Instant.parse("2026-11-21T05:40:00Z"), Severity.WARNING, AlarmState.ACKNOWLEDGED, T,
                                Optional.of("anna")),
                        "herdgate/farm1/events/alarm", false, 2,
                        "{\"type\":\"alarm\",\"gateway\":\"farm1\",\"cow\":\"7019\",\"alarm\":\"heat\","
                                + "\"raised_at\":\"2026-11-21T05:40:00Z\",\"severity\":\"warning\","
                                + "\"state\":\"acknowledged\",\"at\":\"2026-11-21T06:14:00.250Z\",\"by\":\"anna\"}"),
                Arguments.of(UpstreamEvent.FeatureMinute.of(CowId.of("1355-2"), Instant.parse("2026-11-21T06:13:00Z"),
                                Map.of("lying_s", 42.0, "activity", 1.5)),
                        "herdgate/farm1/events/features", false, 0,
                        "{\"type\":\"features\",\"gateway\":\"farm1\",\"cow\":\"1355-2\","
                                + "\"minute\":\"2026-11-21T06:13:00Z\",\"values\":{\"activity\":1.5,\"lying_s\":42.0}}"),
                Arguments.of(UpstreamEvent.CollarStatus.of(CollarEui.parse("70B3D57ED0001234"), Optional.of(CowId.of("7019")),
                                false, Optional.of(Instant.parse("2026-11-21T05:00:00Z")), OptionalInt.of(3610),
                                OptionalInt.of(-97), T),
                        "herdgate/farm1/events/collar/70B3D57ED0001234", true, 1,
                        "{\"type\":\"collar\",\"gateway\":\"farm1\",\"collar\":\"70B3D57ED0001234\",\"cow\":\"7019\","
                                + "\"online\":false,\"last_heard\":\"2026-11-21T05:00:00Z\",\"battery_mv\":3610,"
                                + "\"rssi_dbm\":-97,\"at\":\"2026-11-21T06:14:00.250Z\"}"),
                Arguments.of(UpstreamEvent.GatewayHealth.of("degraded", List.of("serial link down"), T),
                        "herdgate/farm1/events/health", true, 1,
                        "{\"type\":\"health\",\"gateway\":\"farm1\",\"status\":\"degraded\","
                                + "\"reasons\":[\"serial link down\"],\"at\":\"2026-11-21T06:14:00.250Z\"}"),
                Arguments.of(UpstreamEvent.GatewayHealth.of("ok", List.of(), T),
                        "herdgate/farm1/events/health", true, 1,
                        "{\"type\":\"health\",\"gateway\":\"farm1\",\"status\":\"ok\",\"reasons\":[],"
                                + "\"at\":\"2026-11-21T06:14:00.250Z\"}"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void encode_givesTheDocumentedTopicAndPayload(UpstreamEvent event, String topic, boolean retained,
                                                 int importance, String json) {
        UpstreamMessage m = CODEC.encode(event);

        assertEquals(topic, m.topic());
        assertEquals(retained, m.retained());
        assertEquals(importance, m.importance());
        assertEquals(json, m.payloadText());
    }

    @Test
    void withSeq_putsSeqRightAfterGateway() {
        byte[] payload = CODEC.encode(UpstreamEvent.GatewayHealth.of("ok", List.of(), T)).payload();

        assertEquals("{\"type\":\"health\",\"gateway\":\"farm1\",\"seq\":42,\"status\":\"ok\",\"reasons\":[],"
                + "\"at\":\"2026-11-21T06:14:00.250Z\"}", new String(UpstreamCodec.withSeq(payload, 42), StandardCharsets.UTF_8));
    }

    @Test
    void featureMinute_withNonFiniteValue_isRejectedNamingTheFeature() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpstreamEvent.FeatureMinute.of(
                CowId.of("7019"), T, Map.of("activity", Double.NaN)));

        assertEquals("feature activity must be finite: NaN", e.getMessage());
    }

    @Test
    void gatewayHealth_withUnknownStatus_isRejectedNamingTheAllowedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UpstreamEvent.GatewayHealth.of("fine", List.of(), T));

        assertEquals("health status must be ok, degraded or starting: 'fine'", e.getMessage());
    }
}
