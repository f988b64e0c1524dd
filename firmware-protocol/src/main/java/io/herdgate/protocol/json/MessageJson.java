package io.herdgate.protocol.json;

import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.Ack;
import io.herdgate.protocol.message.ActivitySummary;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.CollarEvent;
import io.herdgate.protocol.message.CollarStatus;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.JoinAccept;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.message.ResetCause;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.message.TimeSync;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON form of messages (see {@code PROTOCOL.md}, "JSON form"): one object per message with a
 * {@code "type"} field and snake_case fields in the units of the records. The decode CLI prints it, the
 * test vectors use it, and third-party collars publish uplinks in it over MQTT. Reading is strict:
 * unknown or missing fields, wrong JSON types and out-of-range values are errors naming the field and
 * the allowed values.
 */
public final class MessageJson {

    /** Types a third party may publish as JSON uplinks (the others need a session or a join). */
    public static final Set<MessageType> JSON_UPLINK_TYPES = Set.of(MessageType.SAMPLE_BATCH,
            MessageType.ACTIVITY_SUMMARY, MessageType.STATUS, MessageType.EVENT);

    private MessageJson() {
    }

    /** The JSON name of a type, e.g. {@code sample_batch}. */
    public static String typeName(MessageType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** The message as one compact JSON object. */
    public static String write(Message m) {
        JsonOut o = JsonOut.create().str("type", typeName(m.type()));
        switch (m.type()) {
            case SAMPLE_BATCH -> {
                SampleBatch s = (SampleBatch) m;
                o.num("first_sample_age_ms", s.firstSampleAgeMs()).num("rate_chz", s.rateCentiHz())
                        .num("range_g", s.range().rangeG());
                StringBuilder xyz = new StringBuilder(16 * s.count() + 2).append('[');
                for (int i = 0; i < s.count(); i++) {
                    xyz.append(i == 0 ? "[" : ",[").append(s.x(i)).append(',').append(s.y(i)).append(',')
                            .append(s.z(i)).append(']');
                }
                o.raw("xyz", xyz.append(']').toString());
            }
            case ACTIVITY_SUMMARY -> {
                ActivitySummary a = (ActivitySummary) m;
                o.num("last_interval_end_age_s", a.lastIntervalEndAgeS()).num("interval_s", a.intervalS());
                o.raw("intervals", a.intervals().stream().map(i -> JsonOut.create().num("activity", i.activity())
                        .num("steps", i.steps()).num("lying_s", i.lyingS()).num("rumination_s", i.ruminationS())
                        .num("lying_bouts", i.lyingBouts()).build()).collect(Collectors.joining(",", "[", "]")));
            }
            case STATUS -> {
                CollarStatus s = (CollarStatus) m;
                o.num("battery_mv", s.batteryMv()).num("temperature_dc", s.temperatureDeciC())
                        .str("firmware", s.firmware().toString()).num("uptime_s", s.uptimeS())
                        .str("reset_cause", lower(s.resetCause())).num("frames_sent", s.framesSent())
                        .num("frames_dropped", s.framesDropped());
            }
            case EVENT -> {
                CollarEvent e = (CollarEvent) m;
                o.str("kind", lower(e.kind())).num("age_ms", e.ageMs()).num("peak_mg", e.peakMilliG())
                        .num("duration_ms", e.durationMs());
            }
            case JOIN_REQUEST -> {
                JoinRequest j = (JoinRequest) m;
                o.num("collar_nonce", j.collarNonce()).str("firmware", j.firmware().toString());
            }
            case JOIN_ACCEPT -> {
                JoinAccept j = (JoinAccept) m;
                o.num("gateway_nonce", j.gatewayNonce()).num("network_id", j.networkId())
                        .num("gateway_time_s", j.gatewayTimeS()).raw("config", configObject(j.config()).build());
            }
            case CONFIG -> {
                return configObject((CollarConfig) m).build();
            }
            case TIME_SYNC -> o.num("gateway_time_ms", ((TimeSync) m).gatewayTimeMs());
            case ACK -> o.num("acked_counter", ((Ack) m).ackedCounter());
            case FIRMWARE_COMMAND, FIRMWARE_REPLY -> FirmwareJson.write(m, o);
        }
        return o.build();
    }

    private static JsonOut configObject(CollarConfig c) {
        return JsonOut.create().str("type", typeName(MessageType.CONFIG))
                .num("sample_rate_chz", c.sampleRateCentiHz()).num("range_g", c.range().rangeG())
                .num("batch_s", c.batchSeconds()).num("summary_interval_s", c.summaryIntervalS())
                .num("impact_threshold_mg", c.impactThresholdMg())
                .num("free_fall_threshold_mg", c.freeFallThresholdMg()).num("removed_after_s", c.removedAfterS())
                .num("status_interval_s", c.statusIntervalS());
    }

    /** Reads any message from its JSON form. */
    public static ReadResult read(String json) {
        try {
            Object doc = JsonParser.parse(json);
            if (!(doc instanceof Map)) {
                return new ReadResult.Invalid("expected a JSON object");
            }
            return new ReadResult.Ok(message(new JsonFields((Map<?, ?>) doc, "")));
        } catch (JsonSyntaxException e) {
            return new ReadResult.Invalid("not JSON: " + e.getMessage());
        } catch (JsonFieldException e) {
            return new ReadResult.Invalid(e.getMessage());
        }
    }

    /** Reads an uplink a third party may publish as JSON: one of {@link #JSON_UPLINK_TYPES}. */
    public static ReadResult readUplink(String json) {
        ReadResult r = read(json);
        if (r instanceof ReadResult.Ok ok && !JSON_UPLINK_TYPES.contains(ok.message().type())) {
            return new ReadResult.Invalid("type: \"" + typeName(ok.message().type()) + "\" cannot be sent as JSON; "
                    + "allowed: " + uplinkTypeNames());
        }
        return r;
    }

    private static String uplinkTypeNames() {
        return JSON_UPLINK_TYPES.stream().map(MessageJson::typeName).sorted().collect(Collectors.joining(", "));
    }

    private static Message message(JsonFields f) throws JsonFieldException {
        String name = f.text("type");
        MessageType type = Arrays.stream(MessageType.values()).filter(t -> typeName(t).equals(name)).findFirst()
                .orElseThrow(() -> new JsonFieldException("type: \"" + name + "\" is not one of "
                        + Arrays.stream(MessageType.values()).map(MessageJson::typeName).collect(Collectors.joining(", "))));
        Message m;
        try {
            m = switch (type) {
                case SAMPLE_BATCH -> sampleBatch(f);
                case ACTIVITY_SUMMARY -> {
                    long age = f.integer("last_interval_end_age_s", 0, 0xFFFF_FFFFL);
                    int interval = (int) f.integer("interval_s", 1, 0xFFFF);
                    List<ActivitySummary.Interval> list = new ArrayList<>();
                    List<Object> items = f.list("intervals");
                    for (int i = 0; i < items.size(); i++) {
                        JsonFields it = f.object(items.get(i), "intervals[" + i + "]");
                        list.add(ActivitySummary.Interval.of((int) it.integer("activity", 0, 0xFFFF),
                                (int) it.integer("steps", 0, 0xFFFF), (int) it.integer("lying_s", 0, 0xFFFF),
                                (int) it.integer("rumination_s", 0, 0xFFFF), (int) it.integer("lying_bouts", 0, 0xFFFF)));
                        it.checkAllUsed();
                    }
                    if (list.isEmpty() || list.size() > ActivitySummary.MAX_INTERVALS) {
                        throw new JsonFieldException("intervals: " + list.size() + " entries, allowed 1.."
                                + ActivitySummary.MAX_INTERVALS);
                    }
                    yield ActivitySummary.of(age, interval, list);
                }
                case STATUS -> CollarStatus.of((int) f.integer("battery_mv", 0, 0xFFFF),
                        (int) f.integer("temperature_dc", Short.MIN_VALUE, Short.MAX_VALUE), f.version("firmware"),
                        f.integer("uptime_s", 0, 0xFFFF_FFFFL), f.choice("reset_cause", ResetCause.class),
                        f.integer("frames_sent", 0, 0xFFFF_FFFFL), f.integer("frames_dropped", 0, 0xFFFF_FFFFL));
                case EVENT -> CollarEvent.of(f.choice("kind", CollarEvent.Kind.class), f.integer("age_ms", 0, 0xFFFF_FFFFL),
                        (int) f.integer("peak_mg", 0, 0xFFFF), (int) f.integer("duration_ms", 0, 0xFFFF));
                case JOIN_REQUEST -> JoinRequest.of((int) f.integer("collar_nonce", 0, 0xFFFF), f.version("firmware"));
                case JOIN_ACCEPT -> {
                    int gatewayNonce = (int) f.integer("gateway_nonce", 0, 0xFF_FFFF);
                    int networkId = (int) f.integer("network_id", 0, 0xFF_FFFF);
                    long time = f.integer("gateway_time_s", 0, 0xFFFF_FFFFL);
                    JsonFields c = f.object(f.value("config"), "config");
                    if (!"config".equals(c.text("type"))) {
                        throw new JsonFieldException("config.type: must be \"config\"");
                    }
                    CollarConfig config = config(c);
                    c.checkAllUsed();
                    yield JoinAccept.of(gatewayNonce, networkId, time, config);
                }
                case CONFIG -> config(f);
                case TIME_SYNC -> TimeSync.of(f.integer("gateway_time_ms", 0, 0xFFFF_FFFF_FFFFL));
                case ACK -> Ack.of(f.integer("acked_counter", 0, 0xFFFF_FFFFL));
                case FIRMWARE_COMMAND -> FirmwareJson.read(f, true);
                case FIRMWARE_REPLY -> FirmwareJson.read(f, false);
            };
        } catch (IllegalArgumentException e) {
            // A record refused a combination of values; its message names the field and range.
            throw new JsonFieldException(name + ": " + e.getMessage());
        }
        f.checkAllUsed();
        return m;
    }

    private static SampleBatch sampleBatch(JsonFields f) throws JsonFieldException {
        long age = f.integer("first_sample_age_ms", 0, 0xFFFF_FFFFL);
        int rate = (int) f.integer("rate_chz", 1, 0xFFFF);
        AccelRange range = f.range("range_g");
        List<Object> samples = f.list("xyz");
        if (samples.size() > SampleBatch.MAX_SAMPLES) {
            throw new JsonFieldException("xyz: " + samples.size() + " samples, allowed 0.." + SampleBatch.MAX_SAMPLES);
        }
        short[] xyz = new short[3 * samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            if (!(samples.get(i) instanceof List<?> triple) || triple.size() != 3) {
                throw new JsonFieldException("xyz[" + i + "]: expected [x, y, z]");
            }
            for (int axis = 0; axis < 3; axis++) {
                xyz[3 * i + axis] = (short) JsonFields.integer(triple.get(axis), "xyz[" + i + "][" + axis + "]",
                        SampleBatch.MIN_COUNT, SampleBatch.MAX_COUNT);
            }
        }
        return SampleBatch.of(age, rate, range, xyz);
    }

    private static CollarConfig config(JsonFields f) throws JsonFieldException {
        return CollarConfig.of((int) f.integer("sample_rate_chz", 100, 10_000), f.range("range_g"),
                (int) f.integer("batch_s", 0, 255), (int) f.integer("summary_interval_s", 0, 0xFFFF),
                (int) f.integer("impact_threshold_mg", 0, 0xFFFF), (int) f.integer("free_fall_threshold_mg", 0, 0xFFFF),
                (int) f.integer("removed_after_s", 0, 0xFFFF), (int) f.integer("status_interval_s", 60, 0xFFFF));
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
