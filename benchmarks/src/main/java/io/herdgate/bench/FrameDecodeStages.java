package io.herdgate.bench;

import com.sun.management.ThreadMXBean;
import io.herdgate.protocol.crypto.FrameMic;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.FrameHeader;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.frame.Freshness;
import io.herdgate.protocol.frame.MicCheck;
import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.payload.PayloadCodec;
import io.herdgate.protocol.payload.PayloadResult;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.protocol.session.CounterState;
import io.herdgate.protocol.session.CounterStore;
import io.herdgate.protocol.session.CounterStream;
import io.herdgate.protocol.session.CounterWindow;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.sim.motion.Behaviour;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where the binary receive path of {@link FrameDecodeBenchmark} spends its time, stage by stage, by this
 * thread's CPU time (which another process stealing the core does not advance). Each stage runs alone
 * over every frame of the same plain 10-s or 60-s grazing traffic, through the same public calls
 * {@code CollarSession.decode} makes:
 * <ul>
 *   <li>{@code checks}: {@code FrameParser.check}, the address test and the header read;</li>
 *   <li>{@code mic}: {@code FrameMic.compute} over the frame (AES-CMAC of B0 and ~10-14 blocks);</li>
 *   <li>{@code counters}: counter rebuild, the replay test and the save into an in-memory store;</li>
 *   <li>{@code payload}: {@code PayloadCodec.decode}, i.e. Rice decoding plus the result;</li>
 *   <li>{@code result}: the result alone: a fresh {@code short[]} of the frame's samples wrapped in a
 *       {@code SampleBatch} (its range check) and a {@code Decoded} (so Rice decoding is about
 *       {@code payload - result});</li>
 *   <li>{@code whole}: {@code CollarSession.decode}, for comparison with the sum of the stages.</li>
 * </ul>
 * Rounds alternate the stages; the first third warm the JIT and are dropped; the least and the median
 * pass of the rest are printed in ns per frame, with the Rice decoding ({@code payload - result}) and the
 * sum of the first four stages beside {@code whole}. Usage:
 * {@code java -cp benchmarks.jar io.herdgate.bench.FrameDecodeStages [rounds]} (default 300: a pass is short).
 */
public final class FrameDecodeStages {

    private static final int BATCHES = 512;
    private static final String[] STAGES = {"checks", "mic", "counters", "payload", "result", "whole"};
    private static long sink;

    private FrameDecodeStages() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        System.out.println("ns per frame of plain grazing traffic; each cell: least, median pass");
        System.out.println("| batch | samples/frame | " + String.join(" | ", STAGES)
                + " | rice = payload - result | sum of stages |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int seconds : new int[] {10, 60}) {
            run(seconds, rounds);
        }
        if (sink == 42) {
            System.out.println(); // keeps the results from being optimised away
        }
    }

    private static void run(int seconds, int rounds) {
        CollarTraffic traffic = CollarTraffic.of(BATCHES, seconds, Behaviour.GRAZING, false, 42);
        byte[][] frames = traffic.frames.stream().flatMap(Arrays::stream).toArray(byte[][]::new);
        long samples = 0;
        for (byte[] f : frames) {
            samples += count(f, FrameParser.header(f, 0));
        }
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[][] times = new long[STAGES.length][rounds];
        FrameMic mic = FrameMic.of(CollarTraffic.KEYS.micKey());
        for (int r = 0; r < rounds; r++) {
            for (int s = 0; s < STAGES.length; s++) {
                CollarSession session = CollarTraffic.gateway();
                CounterStore store = InMemoryCounterStore.create();
                long t0 = mx.getCurrentThreadCpuTime();
                switch (s) {
                    case 0 -> checks(frames);
                    case 1 -> mic(frames, mic);
                    case 2 -> counters(frames, store);
                    case 3 -> payload(frames);
                    case 4 -> result(frames);
                    default -> whole(frames, session);
                }
                times[s][r] = mx.getCurrentThreadCpuTime() - t0;
            }
        }
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d s | %.1f |", seconds,
                samples / (double) frames.length));
        double[] least = new double[STAGES.length];
        double[] median = new double[STAGES.length];
        for (int s = 0; s < STAGES.length; s++) {
            long[] t = Arrays.copyOfRange(times[s], rounds / 3, rounds);
            Arrays.sort(t);
            least[s] = t[0] / (double) frames.length;
            median[s] = t[t.length / 2] / (double) frames.length;
            row.append(String.format(Locale.ROOT, " %.0f, %.0f |", least[s], median[s]));
        }
        row.append(String.format(Locale.ROOT, " %.0f, %.0f | %.0f, %.0f |", least[3] - least[4], median[3] - median[4],
                least[0] + least[1] + least[2] + least[3], median[0] + median[1] + median[2] + median[3]));
        System.out.println(row);
    }

    /** The sample count field of a plain {@code SAMPLE_BATCH} frame with header {@code h}. */
    private static int count(byte[] frame, FrameHeader h) {
        return (frame[h.headerSize() + 8] & 0xFF) | (frame[h.headerSize() + 9] & 0xFF) << 8;
    }

    private static void checks(byte[][] frames) {
        CollarEui eui = CollarTraffic.EUI;
        for (byte[] f : frames) {
            if (FrameParser.check(f, 0, f.length).isEmpty() && FrameParser.euiValue(f, 0) == eui.value()) {
                sink += FrameParser.header(f, 0, eui).payloadLength();
            }
        }
    }

    private static void mic(byte[][] frames, FrameMic mic) {
        long eui = CollarTraffic.EUI.value();
        long counter = 0;
        for (byte[] f : frames) {
            sink += mic.compute(0, eui, counter++, f, 0, f.length - 4);
        }
    }

    private static void counters(byte[][] frames, CounterStore store) {
        CollarEui eui = CollarTraffic.EUI;
        CounterState last = null;
        long onAir = 0;
        for (byte[] f : frames) {
            long full = CounterWindow.rebuild(last == null ? -1 : last.counter(), onAir++, false);
            int m = FrameParser.mic(f, 0, f.length);
            if (last == null || full > last.counter()) {
                last = CounterState.of(full, m);
                store.save(eui, CounterStream.UPLINK, last);
            }
        }
        sink += last.counter();
    }

    private static void payload(byte[][] frames) {
        for (byte[] f : frames) {
            FrameHeader h = FrameParser.header(f, 0);
            PayloadResult p = PayloadCodec.decode(MessageType.SAMPLE_BATCH, f, h.headerSize(), h.payloadLength());
            sink += ((SampleBatch) ((PayloadResult.Ok) p).message()).count();
        }
    }

    private static void result(byte[][] frames) {
        for (byte[] f : frames) {
            FrameHeader h = FrameParser.header(f, 0);
            SampleBatch batch = new SampleBatch(h.counter(), 1000, AccelRange.G4, new short[3 * count(f, h)]);
            sink += Decoded.of(h, batch, MicCheck.OK, Freshness.FRESH).message().type().code();
        }
    }

    private static void whole(byte[][] frames, CollarSession session) {
        for (byte[] f : frames) {
            sink += ((SampleBatch) ((Decoded) session.decode(f, 0, f.length)).message()).count();
        }
    }
}
