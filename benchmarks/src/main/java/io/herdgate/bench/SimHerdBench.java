package io.herdgate.bench;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.join.JoinServer;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.sim.collar.Transport;
import io.herdgate.sim.herd.HerdConfig;
import io.herdgate.sim.herd.HerdMember;
import io.herdgate.sim.herd.SimulatedHerd;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A joined herd of 2,000 simulated collars (default config: 10 Hz, 4-s sample batches, encrypted, MIC'd) advanced by
 * 10 simulated seconds per operation; the transport only counts bytes. Score = ms per 10 simulated
 * seconds, so the reachable speed factor is 10,000 / score.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimHerdBench {

    @Param({"2000"})
    public int collars;

    private SimulatedHerd herd;
    private long bytes;

    @Setup(Level.Trial)
    public void setUp() {
        Instant t0 = Instant.parse("2026-03-02T06:00:00Z");
        Map<CollarEui, AesKey> keys = new HashMap<>();
        JoinServer joins = JoinServer.of(1, eui -> Optional.ofNullable(keys.get(eui)), InMemoryCounterStore.create(),
                Clock.fixed(t0, ZoneOffset.UTC), new Random(1));
        SimulatedHerd[] holder = new SimulatedHerd[1];
        Transport transport = frame -> {
            bytes += frame.length;
            if ((frame[1] & 0xFF) == MessageType.JOIN_REQUEST.code()) {
                DecodeResult r = joins.decodeRequest(frame, 0, frame.length);
                if (r instanceof Decoded d) {
                    CollarEui eui = CollarEui.of(FrameParser.euiValue(frame, 0));
                    holder[0].receive(joins.accept(eui, (JoinRequest) d.message(), CollarConfig.defaults()).frame());
                }
            }
        };
        herd = SimulatedHerd.of(HerdConfig.of(collars, 5, t0, Duration.ofDays(7)), transport);
        holder[0] = herd;
        for (HerdMember m : herd.members()) {
            keys.put(m.identity().eui(), m.identity().rootKey());
        }
        herd.advanceTo(t0.plusSeconds(60)); // everyone has joined
    }

    @Benchmark
    public long tenSimulatedSeconds() {
        herd.advanceTo(herd.now().plusSeconds(10));
        return bytes;
    }
}
