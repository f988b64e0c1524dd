package io.herdgate.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RejectionCountersTest {

    @Test
    void snapshot_listsEveryReasonWithItsCount() {
        RejectionCounters c = RejectionCounters.create();
        c.record(RejectReason.BAD_MIC);
        c.record(RejectReason.BAD_MIC);
        c.record(Rejected.of(RejectReason.TRUNCATED, "x"));
        Map<RejectReason, Long> s = c.snapshot();
        assertEquals(RejectReason.values().length, s.size());
        assertEquals(2L, s.get(RejectReason.BAD_MIC));
        assertEquals(1L, s.get(RejectReason.TRUNCATED));
        assertEquals(0L, s.get(RejectReason.REPLAYED));
        assertEquals(3, c.total());
        assertThrows(UnsupportedOperationException.class, () -> s.put(RejectReason.BAD_MIC, 0L));
    }

    @Test
    void record_fromSeveralThreads_losesNoCount() throws InterruptedException {
        RejectionCounters c = RejectionCounters.create();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    c.record(RejectReason.REPLAYED);
                }
            });
        }
        pool.shutdown();
        assertEquals(true, pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(40_000, c.count(RejectReason.REPLAYED));
    }
}
