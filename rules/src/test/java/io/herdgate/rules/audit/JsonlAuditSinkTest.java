package io.herdgate.rules.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlAuditSinkTest {

    @Test
    void append_twoRecords_addsTwoLinesInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditSink sink = JsonlAuditSink.of(file);
        sink.append(AuditRecord.of(Instant.parse("2026-01-01T10:00:00Z"), "dr.meier", "rules.yaml",
                List.of(ParameterChange.of("herd.heat.rise_pct", Optional.of("70"), Optional.of("80")))));
        sink.append(AuditRecord.of(Instant.parse("2026-01-02T10:00:00Z"), "dr.meier", "rules.yaml",
                List.of(ParameterChange.of("cows.7161.group", Optional.empty(), Optional.of("heifers")))));
        assertEquals(List.of(
                "{\"at\":\"2026-01-01T10:00:00Z\",\"who\":\"dr.meier\",\"source\":\"rules.yaml\",\"changes\":"
                        + "[{\"path\":\"herd.heat.rise_pct\",\"old\":\"70\",\"new\":\"80\"}]}",
                "{\"at\":\"2026-01-02T10:00:00Z\",\"who\":\"dr.meier\",\"source\":\"rules.yaml\",\"changes\":"
                        + "[{\"path\":\"cows.7161.group\",\"old\":null,\"new\":\"heifers\"}]}"),
                Files.readAllLines(file));
    }
}
