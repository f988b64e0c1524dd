package io.herdgate.gateway.alarm;

/**
 * Told of every {@link DeskChange}, inside the desk's lock and on the thread that made the change (an HTTP
 * or webhook thread, the SMS reader): keep it short and never call back into the desk.
 */
@FunctionalInterface
public interface DeskListener {

    void onChange(DeskChange change);
}
