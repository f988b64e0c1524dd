package io.herdgate.bench;

import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteCounterStore;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.session.CounterState;
import io.herdgate.protocol.session.CounterStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * fsync, so the figure is the disk's, not the CPU's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CounterStoreBenchmark {

    private Path dir;
    private Database db;
    private SqliteCounterStore store;
    private long counter;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory(Path.of("."), "counter-bench");
        db = Database.open(dir.resolve("bench.db"));
        store = SqliteCounterStore.of(db);
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
}
