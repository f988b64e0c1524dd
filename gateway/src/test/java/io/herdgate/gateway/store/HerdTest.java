package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.rules.config.GroupName;
import io.herdgate.rules.detect.CalvingCalendar;
import io.herdgate.rules.series.CowId;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HerdTest {

    @TempDir
    Path dir;

    @Test
    void cows_survivesReopen_andSaveReplacesWhatIsKnown() {
        Path file = dir.resolve("h.db");
        CowRecord daisy = CowRecord.of(CowId.of("7019"), Optional.of(GroupName.of("lactating")),
                Optional.of(LocalDate.of(2026, 1, 12)), Optional.empty());
        CowRecord bred = CowRecord.of(daisy.id(), daisy.group(), daisy.lastCalving(), Optional.of(LocalDate.of(2026, 3, 30)));
        try (Database db = Database.open(file)) {
            Herd.of(db).save(CowRecord.of(CowId.of("1355-2")));
            Herd.of(db).save(daisy);
            Herd.of(db).save(bred);
        }

        try (Database db = Database.open(file)) {
            assertEquals(List.of(CowRecord.of(CowId.of("1355-2")), bred), Herd.of(db).all());
            assertEquals(Optional.of(bred), Herd.of(db).find(daisy.id()));
            assertEquals(Optional.empty(), Herd.of(db).find(CowId.of("nobody")));
        }
    }

    @Test
    void calendar_givesTheLastCalvingAtTheStartOfItsDayInTheFarmsZone_andSeesDatesEnteredLater() {
        try (Database db = Database.open(dir.resolve("c.db"))) {
            Herd herd = Herd.of(db);
            CalvingCalendar calendar = herd.calendar(ZoneId.of("Europe/Berlin"));
            CowId cow = CowId.of("7019");
            assertEquals(List.of(), calendar.calvings(cow));

            herd.save(CowRecord.of(cow, Optional.empty(), Optional.of(LocalDate.of(2026, 1, 12)), Optional.empty()));

            assertEquals(List.of(Instant.parse("2026-01-11T23:00:00Z")), calendar.calvings(cow));
            assertEquals(List.of(), calendar.calvings(CowId.of("nobody")));
        }
    }
}
