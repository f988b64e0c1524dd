package io.herdgate.bench;

import io.herdgate.gateway.console.PasswordHash;
import io.herdgate.gateway.health.CollarCounts;
import io.herdgate.gateway.health.FrameCounts;
import io.herdgate.gateway.health.HealthCheck;
import io.herdgate.gateway.health.HealthMetrics;
import io.herdgate.gateway.health.HealthSources;
import io.herdgate.gateway.health.LinkState;
import io.herdgate.gateway.health.LinkStatus;
import io.herdgate.gateway.http.ApiToken;
import io.herdgate.gateway.metrics.Histogram;
import io.herdgate.gateway.metrics.MetricRegistry;
import io.herdgate.gateway.metrics.PrometheusText;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Costs on the gateway's HTTP and metrics side: one latency observation (on the alarm path, two threads
 * contending), one {@code /metrics} scrape rendered to text, one API token check (every {@code /api}
 * request) and one console password check (every login; PBKDF2 is meant to be slow).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OpsBenchmark {

    private MetricRegistry registry;
    private Histogram latency;
    private ApiToken token;
    private String presented;
    private PasswordHash password;
    private char[] typed;

    @Setup
    public void setUp() {
        registry = MetricRegistry.create();
        HealthCheck check = HealthCheck.of(HealthSources.builder()
                .links(() -> List.of(LinkStatus.of("serial", LinkState.UP), LinkStatus.of("mqtt", LinkState.UP)))
                .collars(() -> CollarCounts.of(120, 118))
                .frames(() -> FrameCounts.of(1_234_567, Map.of("bad_mic", 12L, "replay", 3L, "bad_crc", 40L)))
                .activeAlarms(() -> 2)
                .outboxPending(() -> 1)
                .build(), Clock.systemUTC(), "0.1.0");
        registry.register(HealthMetrics.of(check));
        latency = HealthMetrics.frameToAlarmLatency(registry);
        for (int i = 0; i < 10_000; i++) {
            latency.observe(ThreadLocalRandom.current().nextDouble(0.0005, 2.0));
        }
        token = ApiToken.random();
        presented = token.reveal();
        password = PasswordHash.create("green pasture 42".toCharArray());
        typed = "green pasture 42".toCharArray();
    }

    @Benchmark
    @Threads(2)
    public void observeLatency() {
        latency.observe(0.0042);
    }

    @Benchmark
    public String scrapeMetrics() {
        return PrometheusText.write(registry.collect());
    }

    @Benchmark
    public boolean checkApiToken() {
        return token.matches(presented);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean checkConsolePassword() {
        return password.verify(typed);
    }
}
