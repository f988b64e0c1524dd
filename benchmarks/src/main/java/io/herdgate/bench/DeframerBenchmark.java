package io.herdgate.bench;

import io.herdgate.protocol.serial.Deframed;
import io.herdgate.protocol.serial.Deframer;
import io.herdgate.sim.motion.Behaviour;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The serial deframer on a dongle stream of radio-uplink records, each carrying one sample-batch frame,
 * fed in chunks of {@code chunk} bytes as serial reads would return them. Score = records per second;
 * bytes per second = score × the mean line length printed at setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeframerBenchmark {

    private static final int RECORDS = 1024;

    @Param({"64", "4096"})
    int chunk;

    private byte[] stream;
    private Deframer deframer;
    private Consumer<Deframed> sink;

    @Setup(Level.Trial)
    public void setUp(Blackhole bh) {
        CollarTraffic traffic = CollarTraffic.of(RECORDS / 3 + 1, 10, Behaviour.GRAZING, true, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 0;
        for (byte[][] batch : traffic.lines) {
            for (byte[] line : batch) {
                if (n++ < RECORDS) {
                    out.writeBytes(line);
                }
            }
        }
        stream = out.toByteArray();
        deframer = Deframer.create();
        sink = d -> {
            if (!(d instanceof Deframed.Accepted)) {
                throw new IllegalStateException("benchmark stream rejected: " + d);
            }
            bh.consume(d);
        };
        System.out.printf("%nserial stream: %d records, %d bytes, %.1f bytes per record%n", RECORDS,
                stream.length, stream.length / (double) RECORDS);
    }

    /** The whole stream once; score = records per second. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void deframe() {
        for (int off = 0; off < stream.length; off += chunk) {
            deframer.feed(stream, off, Math.min(chunk, stream.length - off), sink);
        }
    }
}
