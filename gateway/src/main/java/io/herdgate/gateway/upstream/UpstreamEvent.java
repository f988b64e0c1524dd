package io.herdgate.gateway.upstream;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/** One normalised gateway event for the upstream broker. Payloads and topics: deploy/UPSTREAM.md. */
public sealed interface UpstreamEvent {

    /** When it happened (event time, not publish time). */
    Instant at();

    /**
     * A change of one alarm. An alarm is identified upstream by cow, type and raise time, which the
     * detector, the alarm log and the farmer's replies all know.
     *
     * @param by who caused the change when a person did (a contact id), else empty
     */
    record AlarmChange(CowId cow, AlarmType type, Instant raisedAt, Severity severity, AlarmState state,
                       Instant at, Optional<String> by) implements UpstreamEvent {
        public AlarmChange {
            Objects.requireNonNull(cow, "cow");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(raisedAt, "raisedAt");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
        }

        public static AlarmChange of(CowId cow, AlarmType type, Instant raisedAt, Severity severity,
                                     AlarmState state, Instant at, Optional<String> by) {
            return new AlarmChange(cow, type, raisedAt, severity, state, at, by);
        }
    }

    /**
     * One minute of a cow's activity features (names and units as in rules/FEATURES.md).
     *
     * @param minute start of the minute
     */
    record FeatureMinute(CowId cow, Instant minute, SortedMap<String, Double> values) implements UpstreamEvent {
        public FeatureMinute {
            Objects.requireNonNull(cow, "cow");
            Objects.requireNonNull(minute, "minute");
            for (Map.Entry<String, Double> e : values.entrySet()) {
                if (!Double.isFinite(e.getValue())) {
                    throw new IllegalArgumentException("feature " + e.getKey() + " must be finite: " + e.getValue());
                }
            }
            values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        }

        public static FeatureMinute of(CowId cow, Instant minute, Map<String, Double> values) {
            return new FeatureMinute(cow, minute, new TreeMap<>(values));
        }

        @Override
        public Instant at() {
            return minute;
        }
    }

    /**
     * A collar's state as the gateway sees it.
     *
     * @param online     whether it was heard within its offline threshold
     * @param lastHeard  when its last valid frame arrived, if ever
     * @param batteryMv  last reported battery voltage in millivolts, if any
     * @param rssiDbm    signal strength of its last frame in dBm, if it came by radio
     */
    record CollarStatus(CollarEui collar, Optional<CowId> cow, boolean online, Optional<Instant> lastHeard,
                        OptionalInt batteryMv, OptionalInt rssiDbm, Instant at) implements UpstreamEvent {
        public CollarStatus {
            Objects.requireNonNull(collar, "collar");
            Objects.requireNonNull(cow, "cow");
            Objects.requireNonNull(lastHeard, "lastHeard");
            Objects.requireNonNull(batteryMv, "batteryMv");
            Objects.requireNonNull(rssiDbm, "rssiDbm");
            Objects.requireNonNull(at, "at");
        }

        public static CollarStatus of(CollarEui collar, Optional<CowId> cow, boolean online,
                                      Optional<Instant> lastHeard, OptionalInt batteryMv, OptionalInt rssiDbm,
                                      Instant at) {
            return new CollarStatus(collar, cow, online, lastHeard, batteryMv, rssiDbm, at);
        }
    }

    /**
     * The gateway's health, as {@code /health} reports it.
     *
     * @param status  {@code ok}, {@code degraded} or {@code starting}
     * @param reasons why it is not ok (empty when ok)
     */
    record GatewayHealth(String status, List<String> reasons, Instant at) implements UpstreamEvent {
        public GatewayHealth {
            Objects.requireNonNull(status, "status");
            if (!List.of("ok", "degraded", "starting").contains(status)) {
                throw new IllegalArgumentException("health status must be ok, degraded or starting: '" + status + "'");
            }
            reasons = List.copyOf(reasons);
            Objects.requireNonNull(at, "at");
        }

        public static GatewayHealth of(String status, List<String> reasons, Instant at) {
            return new GatewayHealth(status, reasons, at);
        }
    }
}
