package io.herdgate.rules.audit;

/** Where audit records go. Implementations must keep records in the order received and never drop one silently. */
public interface AuditSink {

    /**
     * Stores one record durably before returning.
     *
     * @throws AuditException when the record could not be stored
     */
    void append(AuditRecord record) throws AuditException;
}
