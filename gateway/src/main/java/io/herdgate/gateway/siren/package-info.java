/**
 * When the barn siren sounds: a critical alarm nobody acknowledged within the configured time sounds it;
 * an acknowledgement on any channel, the alarm clearing or the local silence button stops it. The alarm
 * side reports through {@link io.herdgate.gateway.siren.AlarmChangeListener}; the relay is the GPIO
 * {@link io.herdgate.gateway.gpio.Siren}.
 */
package io.herdgate.gateway.siren;
