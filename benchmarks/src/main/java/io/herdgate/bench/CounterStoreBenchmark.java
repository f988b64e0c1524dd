package io.herdgate.bench;

import io.herdgate.gateway.store.CounterKey;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteCounterStore;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.session.CounterState;
import io.herdgate.protocol.session.CounterStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One write-through frame-counter save (UPSERT + commit with synchronous=FULL in WAL mode) on a real
 * file in the working directory's file system: the per-frame storage cost of ingest. Dominated by the
 * fsync, so the figure is the disk's, not the CPU's. And the write-behind flush of a 2,000-collar herd
 * (2,000 UPSERTs in one FULL transaction): how long one such bulk write holds the database's one connection,
 * i.e. the longest an alarm's transaction (served first among those waiting) waits for it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CounterStoreBenchmark {

    /** Collars in one write-behind flush. */
    static final int HERD = 2_000;

    private Path dir;
    private Database db;
    private SqliteCounterStore store;
    private long counter;
    private final Map<CounterKey, CounterState> herd = new HashMap<>();
    private final Map<CounterKey, Long> accepted = new HashMap<>();

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory(Path.of("."), "counter-bench");
        db = Database.open(dir.resolve("bench.db"));
        store = SqliteCounterStore.of(db);
        for (int i = 0; i < HERD; i++) {
            CounterKey k = CounterKey.of(CollarEui.of(0x70B3D5499A100000L + i), CounterStream.UPLINK);
            herd.put(k, CounterState.of(i, i));
            accepted.put(k, 15L);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        db.close();
        ScratchDirs.delete(dir);
    }

    @Benchmark
    public void saveUplinkCounter() {
        counter++;
        store.save(CollarEui.of(0x70B3D5499A000000L + (counter % 100)), CounterStream.UPLINK,
                CounterState.of(counter & 0xFFFF_FFFFL, (int) counter));
    }

    @Benchmark
    public void flushHerdCounters() {
        store.saveAll(herd, accepted);
    }
}
