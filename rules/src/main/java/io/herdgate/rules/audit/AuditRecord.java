package io.herdgate.rules.audit;

import java.time.Instant;
import java.util.List;

/**
 * One accepted change of the rules in force.
 *
 * @param at      when the new rules took effect
 * @param who     who made the change (the file owner for a file reload, or the user named by the caller)
 * @param source  where the rules came from, e.g. the file name
 * @param changes every parameter path that changed, sorted by path
 */
public record AuditRecord(Instant at, String who, String source, List<ParameterChange> changes) {

    public AuditRecord {
        changes = List.copyOf(changes);
    }

    public static AuditRecord of(Instant at, String who, String source, List<ParameterChange> changes) {
        return new AuditRecord(at, who, source, changes);
    }
}
