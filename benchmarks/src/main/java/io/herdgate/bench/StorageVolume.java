package io.herdgate.bench;

import io.herdgate.sim.herd.ManualClock;

import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.FeatureHistory;
import io.herdgate.gateway.store.FlushPolicy;
import io.herdgate.gateway.store.SqliteCounterStore;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.session.CounterState;
import io.herdgate.protocol.session.CounterStream;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * How many bytes the gateway's storage writes: per-minute feature history for {@code cows} cows over
 * {@code hours} hours of simulated time (every measure present, values varying like a collar's), written
 * through {@link FeatureHistory} with the default {@link FlushPolicy}, then {@code saves} frame-counter
 * saves. Bytes are {@code wchar} of {@code /proc/self/io} (everything handed to the file system,
 * including WAL frames and checkpoints); {@code write_bytes} is printed too.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.herdgate.bench.StorageVolume <dir> [cows] [hours] [saves]}
 */
public final class StorageVolume {

    private StorageVolume() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        int cows = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int hours = args.length > 2 ? Integer.parseInt(args[2]) : 24;
        int saves = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        Path file = Files.createTempFile(dir, "volume", ".db");
        Files.delete(file);

        ManualClock clock = ManualClock.of(Instant.parse("2026-05-01T00:00:00Z"));
        SplittableRandom rnd = new SplittableRandom(7);
        ProcessIo start = ProcessIo.now();
        long rows = 0;
        try (Database db = Database.open(file)) {
            ProcessIo afterOpen = ProcessIo.now();
            FeatureHistory history = FeatureHistory.of(db, FlushPolicy.DEFAULT, clock);
            for (int minute = 0; minute < hours * 60; minute++) {
                for (int c = 0; c < cows; c++) {
                    history.append(observation(CowId.of("cow-" + c), clock.instant(), rnd));
                    rows++;
                }
                clock.advance(Duration.ofMinutes(1));
                history.flushIfDue();
            }
            history.flush();
            ProcessIo features = ProcessIo.now().minus(afterOpen);
            System.out.printf("features: %d cows x %d h = %d rows; wchar %d B (%.0f B/h, %.1f B/row); write_bytes %d B%n",
                    cows, hours, rows, features.wchar(), features.wchar() / (double) hours,
                    features.wchar() / (double) rows, features.writeBytes());

            ProcessIo beforeCounters = ProcessIo.now();
            SqliteCounterStore counters = SqliteCounterStore.of(db);
            long t0 = System.nanoTime();
            for (int i = 0; i < saves; i++) {
                counters.save(CollarEui.of(0x70B3D5499A000000L + i % cows), CounterStream.UPLINK,
                        CounterState.of(i / cows, rnd.nextInt()));
            }
            long nanos = System.nanoTime() - t0;
            ProcessIo counterIo = ProcessIo.now().minus(beforeCounters);
            System.out.printf("counters: %d saves; wchar %d B (%.0f B/save); write_bytes %d B; %.2f ms/save on this disk%n",
                    saves, counterIo.wchar(), counterIo.wchar() / (double) saves, counterIo.writeBytes(),
                    nanos / 1e6 / saves);
        }
        System.out.printf("total wchar %d B; file %d B%n", ProcessIo.now().minus(start).wchar(), Files.size(file));
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + "-wal"));
        Files.deleteIfExists(Path.of(file + "-shm"));
    }

    private static Observation observation(CowId cow, Instant at, SplittableRandom rnd) {
        boolean lying = rnd.nextInt(10) < 5;
        return Observation.builder(cow, at, Duration.ofMinutes(1))
                .activity(rnd.nextDouble() * 40)
                .ruminationMin(rnd.nextInt(3) == 0 ? rnd.nextDouble() : 0)
                .lyingMin(lying ? 1 : 0)
                .lyingBouts(rnd.nextInt(60) == 0 ? 1 : 0)
                .steps(lying ? 0 : rnd.nextInt(40))
                .motionIndex(rnd.nextDouble() * 10)
                .accelVarG2(rnd.nextDouble() * 0.02)
                .pitchDeg(rnd.nextDouble() * 60 - 30)
                .batteryMv(2900 + rnd.nextInt(200))
                .build();
    }

    /** Simulated time moved by the loop. */
}
