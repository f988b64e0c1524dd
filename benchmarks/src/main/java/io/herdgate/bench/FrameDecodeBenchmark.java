package io.herdgate.bench;

import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.sim.motion.Behaviour;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The gateway's receive path for sample batches on one thread: frame checks, MIC verification (AES-CMAC),
 * counter checks, decryption when flagged, sample decoding, versus the same batches as JSON parsed by
 * Jackson. Each invocation receives one whole batch ({@code seconds} at 10 Hz, split into frames of at
 * most 49 samples): the primary score is batches per second, and the secondary scores {@code frames} and
 * {@code samples} count per second what was decoded. With {@code -prof gc}, {@code gc.alloc.rate.norm}
 * is bytes per batch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameDecodeBenchmark {

    /** Batches prepared; the session restarts after the last, so counters keep rising in between. */
    private static final int BATCHES = 512;

    @Param({"10", "60"})
    int seconds;

    @Param({"false", "true"})
    boolean encrypted;

    private CollarTraffic traffic;
    private CollarSession gateway;
    private JsonBatches jsonReader;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        traffic = CollarTraffic.of(BATCHES, seconds, Behaviour.GRAZING, encrypted, 42);
        jsonReader = JsonBatches.create();
        gateway = CollarTraffic.gateway();
        next = 0;
        // Fail the trial rather than measure rejections.
        for (byte[] frame : traffic.frames.get(0)) {
            DecodeResult r = CollarTraffic.gateway().decode(frame, 0, frame.length);
            if (!(r instanceof Decoded)) {
                throw new IllegalStateException("benchmark frame does not decode: " + r);
            }
        }
    }

    /** What an invocation decoded, reported by JMH per second next to the batch score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Decodes {
        public long frames;
        public long samples;

        @Setup(Level.Iteration)
        public void clear() {
            frames = 0;
            samples = 0;
        }
    }

    /** One batch through frame checks, MIC verification, counter checks and sample decoding. */
    @Benchmark
    public void binary(Decodes decodes, Blackhole bh) {
        if (next == BATCHES) {
            next = 0;
            gateway = CollarTraffic.gateway();
        }
        for (byte[] frame : traffic.frames.get(next++)) {
            DecodeResult r = gateway.decode(frame, 0, frame.length);
            SampleBatch batch = (SampleBatch) ((Decoded) r).message();
            bh.consume(batch);
            decodes.frames++;
            decodes.samples += batch.count();
        }
    }

    /** The same batch as JSON through Jackson into the same messages. */
    @Benchmark
    public void json(Decodes decodes, Blackhole bh) throws java.io.IOException {
        if (next == BATCHES) {
            next = 0;
        }
        for (byte[] doc : traffic.json.get(next++)) {
            SampleBatch batch = jsonReader.read(doc);
            bh.consume(batch);
            decodes.frames++;
            decodes.samples += batch.count();
        }
    }
}
