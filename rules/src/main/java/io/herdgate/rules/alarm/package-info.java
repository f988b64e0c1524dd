/**
 * What the detectors tell the farmer: {@link io.herdgate.rules.alarm.Alarm}s of an
 * {@link io.herdgate.rules.alarm.AlarmType} and {@link io.herdgate.rules.alarm.Severity}, each with an
 * {@link io.herdgate.rules.alarm.Explanation}, and the {@link io.herdgate.rules.alarm.AlarmEvent}s
 * (raised, updated, cleared) in which they travel.
 */
package io.herdgate.rules.alarm;
