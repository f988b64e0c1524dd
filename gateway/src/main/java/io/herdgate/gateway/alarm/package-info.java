/**
 * The alarm lifecycle on the gateway: {@link io.herdgate.gateway.alarm.AlarmDesk} takes the detectors'
 * alarm events and the recipients' replies, keeps each alarm's {@link io.herdgate.gateway.alarm.AlarmState}
 * (active or cleared, acknowledged or not), and turns alarms into notifications in the outbox following
 * the routing configuration: grouping, silences, inhibition by gateway-wide problems, flap damping, quiet
 * hours, escalation and repeats at the instants its {@link java.time.Clock} says, until acknowledged.
 * {@link io.herdgate.gateway.alarm.AlarmApi} serves it as {@code /api/alarms...}.
 */
package io.herdgate.gateway.alarm;
