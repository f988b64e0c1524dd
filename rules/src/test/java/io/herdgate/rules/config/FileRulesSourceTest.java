package io.herdgate.rules.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.audit.AuditRecord;
import io.herdgate.rules.audit.AuditSink;
import io.herdgate.rules.audit.ParameterChange;
import io.herdgate.rules.series.CowId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRulesSourceTest {

    private final List<AuditRecord> audited = new ArrayList<>();
    private final AuditSink sink = audited::add;
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

    private static double rise(FileRulesSource s) {
        return s.current().resolve(CowId.of("1"), Optional.empty()).heat().risePct();
    }

    @Test
    void poll_validChange_swapsRulesAndAuditsEveryChangedPath(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("rules.yaml"), "herd:\n  heat:\n    rise_pct: 80\n");
        FileRulesSource s = FileRulesSource.open(f, sink, clock);
        assertEquals(80, rise(s));
        Files.writeString(f, "herd:\n  heat:\n    rise_pct: 90\ncows:\n  '7':\n    offline: {after_min: 30}\n");
        Reload r = s.poll("dr.meier");
        assertInstanceOf(Reload.Applied.class, r);
        assertEquals(90, rise(s));
        assertEquals(List.of(new AuditRecord(clock.instant(), "dr.meier", f.toString(), List.of(
                ParameterChange.of("cows.7.offline.after_min", Optional.empty(), Optional.of("30")),
                ParameterChange.of("herd.heat.rise_pct", Optional.of("80"), Optional.of("90"))))), audited);
    }

    @Test
    void poll_invalidChange_keepsTheOldRulesAndReportsErrors(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("rules.yaml"), "herd:\n  heat:\n    rise_pct: 80\n");
        FileRulesSource s = FileRulesSource.open(f, sink, clock);
        List<Reload> seen = new ArrayList<>();
        s.onReload(seen::add);
        Files.writeString(f, "herd:\n  heat:\n    rise_pct: 8000\n");
        Reload r = s.poll("dr.meier");
        Reload.Rejected rejected = assertInstanceOf(Reload.Rejected.class, r);
        assertTrue(rejected.problems().get(0).toString().contains("8000 is outside"));
        assertEquals(80, rise(s));
        assertTrue(audited.isEmpty());
        assertEquals(List.of(r), seen);
    }

    @Test
    void poll_unchangedFile_doesNothing(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("rules.yaml"), "herd: {}\n");
        FileRulesSource s = FileRulesSource.open(f, sink, clock);
        assertInstanceOf(Reload.Unchanged.class, s.poll());
        assertTrue(audited.isEmpty());
    }

    @Test
    void poll_auditFailure_leavesTheChangeUnapplied(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("rules.yaml"), "herd:\n  heat:\n    rise_pct: 80\n");
        FileRulesSource s = FileRulesSource.open(f, r -> {
            throw new io.herdgate.rules.audit.AuditException("disk full", null);
        }, clock);
        Files.writeString(f, "herd:\n  heat:\n    rise_pct: 90\n");
        assertThrows(io.herdgate.rules.audit.AuditException.class, () -> s.poll("x"));
        assertEquals(80, rise(s));
    }

    @Test
    void open_invalidFile_throwsWithEveryProblem(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("rules.yaml"), "herd:\n  heat:\n    rise_pct: 1\n  hat: {}\n");
        RulesLoadException e = assertThrows(RulesLoadException.class, () -> FileRulesSource.open(f, sink, clock));
        assertEquals(2, e.problems().size());
    }
}
