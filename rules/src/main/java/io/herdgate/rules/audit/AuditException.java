package io.herdgate.rules.audit;

/** An audit record could not be stored; the message names the sink and the cause. */
public final class AuditException extends Exception {

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
