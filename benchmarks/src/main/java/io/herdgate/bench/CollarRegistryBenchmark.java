package io.herdgate.bench;

import io.herdgate.gateway.ingest.CollarDirectory;
import io.herdgate.gateway.ingest.CollarSighting;
import io.herdgate.gateway.ingest.Pairing;
import io.herdgate.gateway.registry.CollarRegistry;
import io.herdgate.gateway.store.Database;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the live collar registry adds to every frame the pipeline handles: the pairing lookup (the
 * pipeline asks for it on every frame, so that pairing changes take effect at once) against a fixed
 * directory, and the health sighting when no save is due (the common case: saves come once a minute
 * per collar). A herd of {@code collars} paired collars on a real SQLite file.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CollarRegistryBenchmark {

    @Param({"1000"})
    int collars;

    private Path dir;
    private Database db;
    private CollarRegistry live;
    private CollarDirectory fixed;
    private CollarEui[] euis;
    private CollarSighting[] sightings;
    private int next;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory(Path.of("."), "registry-bench");
        db = Database.open(dir.resolve("bench.db"));
        Instant t0 = Instant.parse("2026-03-02T06:00:00Z");
        live = CollarRegistry.open(db, ManualClock.of(t0));
        euis = new CollarEui[collars];
        sightings = new CollarSighting[collars];
        byte[] key = new byte[16];
        for (int i = 0; i < collars; i++) {
            euis[i] = CollarEui.of(0x70B3D5499A000000L + i);
            key[0] = (byte) i;
            key[1] = (byte) (i >> 8);
            live.pair(euis[i], Optional.of(AesKey.of(key)), CowId.of(Integer.toString(1000 + i)));
            // First sighting saves; the benchmarked ones fall inside the minute and only check the throttle.
            live.seen(CollarSighting.of(euis[i], t0, OptionalInt.of(-70), OptionalInt.empty(), Optional.empty()));
            sightings[i] = CollarSighting.of(euis[i], t0.plusSeconds(4), OptionalInt.of(-71), OptionalInt.empty(),
                    Optional.empty());
        }
        fixed = CollarDirectory.of(Arrays.stream(euis).map(e -> live.pairing(e).orElseThrow()).toList());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        db.close();
        ScratchDirs.delete(dir);
    }

    private int nextIndex() {
        next = next + 1 == collars ? 0 : next + 1;
        return next;
    }

    @Benchmark
    public Optional<Pairing> fixedDirectoryLookup() {
        return fixed.pairing(euis[nextIndex()]);
    }

    @Benchmark
    public Optional<Pairing> liveRegistryLookup() {
        return live.pairing(euis[nextIndex()]);
    }

    @Benchmark
    public void sightingWithinTheMinute() {
        live.seen(sightings[nextIndex()]);
    }
}
