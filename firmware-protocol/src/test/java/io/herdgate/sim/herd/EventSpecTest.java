package io.herdgate.sim.herd;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventSpecTest {

    @Test
    void parse_countsAndCowNumbers_giveEntriesInTextOrder() {
        EventSpec s = EventSpec.parse(" heat:12, illness:7 ,calving:3,down:#4+#9,Collar_Off:1", 50);
        assertEquals(List.of(
                EventSpec.Entry.ofCount(EventKind.HEAT, 12),
                EventSpec.Entry.ofCount(EventKind.ILLNESS, 7),
                EventSpec.Entry.ofCount(EventKind.CALVING, 3),
                EventSpec.Entry.ofCows(EventKind.DOWN, List.of(CowId.of(4), CowId.of(9))),
                EventSpec.Entry.ofCount(EventKind.COLLAR_OFF, 1)), s.entries());
    }

    @Test
    void parse_blank_isNoEvents() {
        assertEquals(EventSpec.none(), EventSpec.parse("  ", 10));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "heat:2,hat:1      | entry 2 'hat:1': unknown event 'hat'; allowed: heat, illness, calving, down, collar_off, radio_loss, battery",
        "heat              | entry 1 'heat': expected event:target",
        "heat:0            | entry 1 'heat:0': count 0 out of 1..20 (the herd size)",
        "heat:21           | entry 1 'heat:21': count 21 out of 1..20 (the herd size)",
        "down:#21          | entry 1 'down:#21': cow #21 out of 1..20",
        "down:#3+#3        | entry 1 'down:#3+#3': cow #3 listed twice",
        "down:#3+4         | entry 1 'down:#3+4': cow '4' must be # followed by a cow number",
        "illness:many      | entry 1 'illness:many': target 'many' must be a count (e.g. 3) or cow numbers (e.g. #4+#9)",
        "heat:1,           | entry 2 '': expected event:target",
    })
    void parse_badEntry_namesTheEntryAndWhatIsAllowed(String spec, String message) {
        EventSpecException e = assertThrows(EventSpecException.class, () -> EventSpec.parse(spec, 20));
        assertTrue(e.getMessage().startsWith("event spec " + message), e.getMessage());
    }

    @Test
    void schedule_drawsDistinctCowsAndPlacesEventsAfterTheWarmUp() {
        var start = java.time.Instant.parse("2026-03-01T00:00:00Z");
        var span = java.time.Duration.ofDays(14);
        EventSchedule s = EventSchedule.of(EventSpec.parse("heat:12,down:#5,battery:2", 40), 40, 9, start, span);
        long heats = s.eventfulCows().stream().filter(c -> s.episodes(c).stream()
                .anyMatch(e -> e instanceof io.herdgate.sim.event.Heat)).count();
        assertEquals(12, heats);
        assertTrue(s.episodes(CowId.of(5)).stream().anyMatch(e -> e instanceof io.herdgate.sim.event.CowDown));
        assertEquals(2, s.eventfulCows().stream().filter(s::agedBattery).count());
        s.eventfulCows().forEach(c -> s.episodes(c).forEach(e -> {
            assertTrue(!e.start().isBefore(start.plus(java.time.Duration.ofDays(3))), e + " before the warm-up");
            assertTrue(!e.end().isAfter(start.plus(span)), e + " after the run");
        }));
        assertEquals(s.eventfulCows(), EventSchedule.of(EventSpec.parse("heat:12,down:#5,battery:2", 40), 40, 9,
                start, span).eventfulCows(), "same seed, same cows");
    }
}
