package io.herdgate.gateway.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.gateway.store.UplinkTally;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.Direction;
import io.herdgate.protocol.frame.FrameHeader;
import io.herdgate.protocol.message.MessageType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FrameLedgerTest {

    private static final CollarEui COW = CollarEui.of(0x70B3D57ED0000002L);
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    private final FrameLedger ledger = new FrameLedger(Duration.ofMinutes(7));

    @Test
    void everyFrameInTheFinalTally_nothingMissing() {
        publish(0, 9, T0);

        FrameLedger.Count c = ledger.count(tally(9, 10));

        assertEquals(10, c.published());
        assertEquals(10, c.accepted());
        assertEquals(0, c.missing());
    }

    @Test
    void aFrameNeverAccepted_isMissing_andNamedByCollar() {
        publish(0, 9, T0);

        FrameLedger.Count c = ledger.count(tally(9, 9));

        assertEquals(1, c.missing());
        assertEquals(Map.of(COW, 1L), c.missingByCollar());
    }

    @Test
    void framesAcceptedAfterTheLastFlushBeforeAKill_areLostAtTheKill_notMissing() {
        publish(0, 9, T0);
        ledger.killed(T0.plusSeconds(60), tally(6, 7)); // 7..9 accepted, not yet written
        publish(10, 14, T0.plusSeconds(120));

        FrameLedger.Count c = ledger.count(tally(14, 12));

        assertEquals(3, c.lostAtKills());
        assertEquals(0, c.beyondWindow());
        assertEquals(0, c.missing());
    }

    @Test
    void aFrameUnwrittenLongerThanTheWindowAtAKill_isBeyondIt() {
        publish(0, 4, T0);
        publish(5, 5, T0.plus(Duration.ofMinutes(20)));
        ledger.killed(T0.plus(Duration.ofMinutes(20)), tally(3, 4));

        FrameLedger.Count c = ledger.count(tally(3, 4));

        assertEquals(2, c.lostAtKills());
        assertEquals(1, c.beyondWindow());
    }

    @Test
    void framesHeldByADownLinkAtAKill_goToTheNextProcess_notLostAtTheKill() {
        publish(0, 4, T0);
        ledger.linkDown(List.of(COW));
        publish(5, 7, T0.plusSeconds(60));
        ledger.killed(T0.plusSeconds(90), tally(4, 5));
        ledger.linkUp(List.of(COW));

        FrameLedger.Count c = ledger.count(tally(7, 8));

        assertEquals(0, c.lostAtKills());
        assertEquals(0, c.missing());
    }

    private void publish(long from, long to, Instant at) {
        for (long n = from; n <= to; n++) {
            ledger.published(FrameHeader.of(0, MessageType.SAMPLE_BATCH, Direction.UP, true, false, false, 10, COW, n), at);
        }
    }

    private static Function<CollarEui, Optional<UplinkTally>> tally(long counter, long frames) {
        return eui -> Optional.of(UplinkTally.of(eui, counter, frames));
    }
}
