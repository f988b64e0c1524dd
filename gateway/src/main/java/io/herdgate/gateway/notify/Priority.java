package io.herdgate.gateway.notify;

/** Delivery order: a higher priority is always sent first; critical messages are never held back. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    CRITICAL
}
