package io.herdgate.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {

    @Test
    void counter_sameNameAndLabels_isTheSameInstance() {
        MetricRegistry r = MetricRegistry.create();

        assertSame(r.counter("x_total", "X.", Labels.of("a", "1")), r.counter("x_total", "X.", Labels.of("a", "1")));
    }

    @Test
    void sameName_asAnotherType_isRejectedNamingTheExistingOne() {
        MetricRegistry r = MetricRegistry.create();
        r.counter("x_total", "X.");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.gauge("x_total", "X."));

        assertTrue(e.getMessage().startsWith("metric x_total is already registered as counter"), e.getMessage());
    }

    @Test
    void invalidNames_areRejected() {
        MetricRegistry r = MetricRegistry.create();

        assertThrows(IllegalArgumentException.class, () -> r.counter("9lives", "X."));
        assertThrows(IllegalArgumentException.class, () -> r.counter("ok", "X.", Labels.of("bad-label", "v")));
        assertThrows(IllegalArgumentException.class, () -> r.counter("ok", "X.", Labels.of("__reserved", "v")));
        assertThrows(IllegalArgumentException.class,
                () -> r.histogram("h", "H.", Labels.of("le", "1"), List.of(1.0)));
        assertThrows(IllegalArgumentException.class, () -> r.histogram("h2", "H.", List.of(1.0, 1.0)));
    }

    @Test
    void counter_cannotGoDown() {
        Counter c = MetricRegistry.create().counter("c_total", "C.");

        assertThrows(IllegalArgumentException.class, () -> c.add(-1));
    }

    @Test
    void gauge_addsAndSets() {
        Gauge g = MetricRegistry.create().gauge("g", "G.");
        g.add(2.5);
        g.add(-1);
        assertEquals(1.5, g.value());
        g.set(-7);
        assertEquals(-7, g.value());
    }

    @Test
    void concurrentUpdates_areAllCounted() throws Exception {
        MetricRegistry r = MetricRegistry.create();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    r.counter("c_total", "C.").inc();
                    r.gauge("g", "G.").add(1);
                    r.histogram("h", "H.", List.of(1.0)).observe(0.5);
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals(40_000, r.counter("c_total", "C.").value());
        assertEquals(40_000, r.gauge("g", "G.").value());
        Histogram.Snapshot s = r.histogram("h", "H.", List.of(1.0)).snapshot();
        assertEquals(40_000, s.count());
        assertEquals(20_000, s.sum());
    }

    @Test
    void collectors_areAskedAtEachCollect() {
        MetricRegistry r = MetricRegistry.create();
        long[] calls = {0};
        r.register(() -> List.of(MetricFamily.of(MetricName.of("calls"), "Calls.", MetricType.GAUGE,
                List.of(Sample.of(MetricName.of("calls"), Labels.NONE, ++calls[0])))));

        r.collect();
        List<MetricFamily> second = r.collect();

        assertEquals(2, second.get(0).samples().get(0).value());
    }
}
