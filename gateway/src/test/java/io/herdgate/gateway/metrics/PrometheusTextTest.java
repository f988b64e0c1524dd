package io.herdgate.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrometheusTextTest {

    @Test
    void write_counterWithLabels_givesHelpTypeAndSortedEscapedLabels() {
        MetricRegistry r = MetricRegistry.create();
        r.counter("herdgate_frames_rejected_total", "Frames rejected.\nBy reason \\ link.",
                Labels.of("reason", "bad \"mic\"\n", "link", "C:\\serial")).add(3);

        assertEquals("""
                # HELP herdgate_frames_rejected_total Frames rejected.\\nBy reason \\\\ link.
                # TYPE herdgate_frames_rejected_total counter
                herdgate_frames_rejected_total{link="C:\\\\serial",reason="bad \\"mic\\"\\n"} 3
                """, PrometheusText.write(r.collect()));
    }

    @Test
    void write_histogram_givesCumulativeBucketsInfSumAndCount() {
        MetricRegistry r = MetricRegistry.create();
        Histogram h = r.histogram("latency_seconds", "Latency.", List.of(0.1, 0.5, 1.0));
        h.observe(0.05);
        h.observe(0.1);   // on a bound: counts in that bucket (le is "less or equal")
        h.observe(0.7);
        h.observe(3.0);

        assertEquals("""
                # HELP latency_seconds Latency.
                # TYPE latency_seconds histogram
                latency_seconds_bucket{le="0.1"} 2
                latency_seconds_bucket{le="0.5"} 2
                latency_seconds_bucket{le="1"} 3
                latency_seconds_bucket{le="+Inf"} 4
                latency_seconds_sum 3.85
                latency_seconds_count 4
                """, PrometheusText.write(r.collect()));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "42, 42", "-3, -3", "0.25, 0.25", "1.0E20, 1.0E20", "Infinity, +Inf", "-Infinity, -Inf",
            "NaN, NaN"})
    void number_isWrittenAsTheFormatExpects(double value, String expected) {
        assertEquals(expected, PrometheusText.number(value));
    }

    @Test
    void write_familiesAreSortedByName() {
        MetricRegistry r = MetricRegistry.create();
        r.gauge("b_gauge", "B.").set(1.5);
        r.counter("a_total", "A.").inc();

        assertEquals("""
                # HELP a_total A.
                # TYPE a_total counter
                a_total 1
                # HELP b_gauge B.
                # TYPE b_gauge gauge
                b_gauge 1.5
                """, PrometheusText.write(r.collect()));
    }
}
