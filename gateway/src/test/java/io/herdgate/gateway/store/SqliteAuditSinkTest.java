package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.herdgate.rules.audit.AuditException;
import io.herdgate.rules.audit.AuditRecord;
import io.herdgate.rules.audit.ParameterChange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteAuditSinkTest {

    @TempDir
    Path dir;

    @Test
    void records_areStoredInOrder_withEveryChange_andSurviveReopen() throws AuditException {
        Path file = dir.resolve("h.db");
        AuditRecord first = AuditRecord.of(Instant.parse("2026-05-01T08:00:00Z"), "anna", "rules.yaml", List.of(
                ParameterChange.of("herd.heat.rise_pct", Optional.of("70"), Optional.of("80")),
                ParameterChange.of("groups.heifers.heat.min_hours", Optional.empty(), Optional.of("4"))));
        AuditRecord second = AuditRecord.of(Instant.parse("2026-05-02T09:30:00Z"), "vet", "rules.yaml", List.of(
                ParameterChange.of("cows.7019.illness.drop_pct", Optional.of("30"), Optional.empty())));
        try (Database db = Database.open(file)) {
            SqliteAuditSink sink = SqliteAuditSink.of(db);
            sink.append(first);
            sink.append(second);
        }

        try (Database db = Database.open(file)) {
            assertEquals(List.of(first, second), SqliteAuditSink.of(db).all());
        }
    }

    @Test
    void append_onAClosedDatabase_isAnAuditExceptionNamingTheFile() {
        Path file = dir.resolve("h.db");
        Database db = Database.open(file);
        db.close();

        AuditException e = assertThrows(AuditException.class, () -> SqliteAuditSink.of(db).append(
                AuditRecord.of(Instant.EPOCH, "anna", "rules.yaml", List.of())));

        assertEquals(true, e.getMessage().contains(file.toString()), e.getMessage());
    }
}
