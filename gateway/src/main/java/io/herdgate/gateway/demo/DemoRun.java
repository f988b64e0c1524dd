package io.herdgate.gateway.demo;

import io.herdgate.gateway.ingest.CollarDirectory;
import io.herdgate.gateway.ingest.FramePipeline;
import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.gateway.ingest.Pairing;
import io.herdgate.protocol.join.JoinServer;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.detect.DetectionEngine;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.EventSpec;
import io.herdgate.sim.herd.HerdConfig;
import io.herdgate.sim.herd.HerdMember;
import io.herdgate.sim.herd.ManualClock;
import io.herdgate.sim.herd.SimulatedHerd;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a simulated herd through the real pipeline: collars join with their root keys, send
 * authenticated frames, the gateway checks MIC and counters, turns samples into per-minute
 * observations and feeds the detection engine. Simulated time advances in steps of one hour; the
 * engine's watermark follows it so offline collars are noticed.
 */
public final class DemoRun {

    private static final Duration STEP = Duration.ofHours(1);
    private static final int NETWORK_ID = 0x00_48_47; // "HG"

    private final DemoSettings settings;
    private final Consumer<AlarmEvent> alarmEvents;
    private final Consumer<Instant> progress;

    private DemoRun(DemoSettings settings, Consumer<AlarmEvent> alarmEvents, Consumer<Instant> progress) {
        this.settings = settings;
        this.alarmEvents = alarmEvents;
        this.progress = progress;
    }

    /**
     * @param alarmEvents told of every raised, updated and cleared alarm as it happens
     * @param progress    told the simulated time after every step
     */
    public static DemoRun of(DemoSettings settings, Consumer<AlarmEvent> alarmEvents, Consumer<Instant> progress) {
        return new DemoRun(settings, alarmEvents, progress);
    }

    /** The herd the run will simulate (for listing its scheduled events before running). */
    public HerdConfig herdConfig() {
        return HerdConfig.of(settings.cows(), settings.seed(), settings.start(), settings.span())
                .withEvents(EventSpec.parse(settings.events(), settings.cows()));
    }

    public DemoReport run() {
        long wallStart = System.nanoTime();
        HerdConfig config = herdConfig();
        // The gateway's clock is the simulation's: the herd sets it before every frame it hands over.
        ManualClock clock = ManualClock.of(settings.start());
        Map<String, Alarm> alarms = new LinkedHashMap<>();
        DetectionEngine engine = DetectionEngine.builder().clock(clock).zone(config.zone())
                .listener(e -> {
                    alarms.put(e.alarm().cow().value() + "/" + e.alarm().type() + "/" + e.alarm().raisedAt(), e.alarm());
                    alarmEvents.accept(e);
                }).build();
        long[] observations = {0};
        List<byte[]> downlinks = new ArrayList<>();
        // The herd is built first (its members give the directory); its frames reach the pipeline once
        // the pipeline exists, before any simulated time has passed.
        AtomicReference<Consumer<byte[]>> uplinks = new AtomicReference<>();
        SimulatedHerd herd = SimulatedHerd.of(config, frame -> uplinks.get().accept(frame));
        CollarDirectory directory = CollarDirectory.of(herd.members().stream().map(DemoRun::pairing).toList());
        FramePipeline pipeline = FramePipeline.builder(directory,
                        JoinServer.of(NETWORK_ID, directory, InMemoryCounterStore.create(), clock,
                                new SplittableRandom(settings.seed())),
                        InMemoryCounterStore.create())
                .downlinks((eui, frame) -> downlinks.add(frame))
                .observations(o -> {
                    observations[0]++;
                    engine.accept(o);
                })
                .build();
        uplinks.set(frame -> {
            clock.set(herd.now());
            pipeline.accept(InboundFrame.of(frame, herd.now()));
        });
        Instant end = settings.start().plus(settings.span());
        for (Instant t = settings.start(); t.isBefore(end); ) {
            t = t.plus(STEP).isAfter(end) ? end : t.plus(STEP);
            advance(herd, t, downlinks);
            clock.set(t);
            engine.advanceTo(t);
            progress.accept(t);
        }
        return new DemoReport(pipeline.accepted(), pipeline.rejections().snapshot(), observations[0],
                List.copyOf(alarms.values()), Duration.ofNanos(System.nanoTime() - wallStart));
    }

    /** Advances the herd, delivering downlinks (join accepts) between one-minute slices. */
    private static void advance(SimulatedHerd herd, Instant to, List<byte[]> downlinks) {
        for (Instant t = herd.now(); t.isBefore(to); ) {
            t = t.plus(Duration.ofMinutes(1)).isAfter(to) ? to : t.plus(Duration.ofMinutes(1));
            herd.advanceTo(t);
            if (!downlinks.isEmpty()) {
                List<byte[]> batch = new ArrayList<>(downlinks);
                downlinks.clear();
                batch.forEach(herd::receive);
            }
        }
    }

    private static Pairing pairing(HerdMember m) {
        return Pairing.of(m.identity().eui(), m.identity().rootKey(), CowId.of(String.valueOf(m.cow().number())));
    }

    /** A clock the run moves forward with simulated time. */
}
