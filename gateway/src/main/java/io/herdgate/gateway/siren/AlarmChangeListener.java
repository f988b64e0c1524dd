package io.herdgate.gateway.siren;

/** Told about every alarm state change, in order; implementations are quick and never throw. */
@FunctionalInterface
public interface AlarmChangeListener {

    void onChange(AlarmChange change);
}
