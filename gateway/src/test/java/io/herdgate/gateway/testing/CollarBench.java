package io.herdgate.gateway.testing;

import io.herdgate.gateway.flash.FlashService;
import io.herdgate.gateway.flash.FlashSettings;
import io.herdgate.gateway.ingest.FramePipeline;
import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.gateway.link.Downlinks;
import io.herdgate.gateway.link.Ingest;
import io.herdgate.gateway.link.SerialLink;
import io.herdgate.gateway.link.SerialLinkSettings;
import io.herdgate.gateway.link.SimulatedDongle;
import io.herdgate.gateway.registry.CollarRegistry;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteCounterStore;
import io.herdgate.gateway.store.SqliteProgressStore;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.firmware.ImageSigner;
import io.herdgate.protocol.firmware.SignedImage;
import io.herdgate.protocol.firmware.SimulatedFlash;
import io.herdgate.protocol.firmware.UpdateSettings;
import io.herdgate.protocol.firmware.VendorKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.join.JoinServer;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.collar.CollarIdentity;
import io.herdgate.sim.collar.FirmwareAgent;
import io.herdgate.sim.collar.SimulatedCollar;
import io.herdgate.sim.collar.Transport;
import io.herdgate.sim.herd.ManualClock;
import io.herdgate.sim.motion.CowMotion;
import io.herdgate.sim.motion.CowTraits;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A gateway core and one simulated collar in one process, for firmware-update tests: a real SQLite
 * store, the live registry (the collar paired with cow 17), the frame pipeline, the flash service, and
 * the simulator's collar running the protocol's collar-side update state machine over simulated flash.
 * Frames travel either in process ({@link #open}) or over a real serial link ({@link #overSerial}: a socat
 * pty pair, the gateway's {@link SerialLink} and {@link Ingest} on one end, the {@link SimulatedDongle} on
 * the other). Simulated time moves in 100-ms steps; the update and link threads run in real time beside it.
 */
public final class CollarBench implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    public static final CollarEui EUI = CollarEui.parse("70B3D5499A000001");
    public static final AesKey ROOT = AesKey.ofHex("2b7e151628aed2a6abf7158809cf4f3c");
    public static final int HARDWARE = 3;
    public static final FirmwareVersion OLD = FirmwareVersion.of(1, 0, 0);
    public static final FirmwareVersion NEW = FirmwareVersion.of(1, 1, 0);

    private final ManualClock clock = ManualClock.of(T0);
    private final KeyPair vendor = ImageSigner.generateKeyPair();
    private final ConcurrentLinkedQueue<byte[]> downlinks = new ConcurrentLinkedQueue<>();
    private final List<byte[]> uplinks = new ArrayList<>();
    private final Database db;
    private final CollarRegistry registry;
    private final FlashService flash;
    private final FramePipeline pipeline;
    private final FirmwareAgent agent;
    private final SimulatedCollar collar;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ConcurrentLinkedQueue<byte[]> onAir = new ConcurrentLinkedQueue<>(); // from the dongle
    private final Optional<Serial> serial;
    private volatile boolean linkUp = true;
    private int downlinksDelivered;
    private Thread background;

    /** The serial path: pty pair, gateway link and ingest thread, simulated dongle. */
    private record Serial(PtyPair pty, Ingest ingest, SerialLink link, SimulatedDongle dongle) {
    }

    private CollarBench(Path dir, UpdateSettings settings, boolean overSerial) {
        db = Database.open(dir.resolve("herdgate.db"));
        registry = CollarRegistry.open(db, clock);
        registry.pair(EUI, Optional.of(ROOT), CowId.of("17"));
        FramePipeline[] p = new FramePipeline[1];
        flash = FlashService.of((eui, m) -> p[0].send(eui, m), SqliteProgressStore.of(db), clock,
                FlashSettings.of(VendorKey.of(vendor.getPublic()), settings));
        Downlinks routes = Downlinks.create();
        pipeline = FramePipeline.builder(registry,
                        JoinServer.of(0x484700, registry, SqliteCounterStore.of(db), clock, new SplittableRandom(1)),
                        SqliteCounterStore.of(db))
                .downlinks(overSerial ? routes : (eui, frame) -> downlinks.add(frame))
                .firmwareReplies(flash)
                .sightings(registry::seen)
                .build();
        p[0] = pipeline;
        if (overSerial) {
            PtyPair pty = PtyPair.open();
            Ingest ingest = Ingest.start(pipeline, routes);
            SerialLink link = SerialLink.of(SerialLinkSettings.of(pty.a()).withPoll(Duration.ofMillis(5))
                    .withRetry(Duration.ofMillis(50), Duration.ofMillis(200)), ingest, clock);
            link.start();
            serial = Optional.of(new Serial(pty, ingest, link, SimulatedDongle.start(pty.b(), 256, onAir::add, clock)));
        } else {
            serial = Optional.empty();
        }
        agent = FirmwareAgent.updatable(SimulatedFlash.of(64 * 1024, OLD), VendorKey.of(vendor.getPublic()), HARDWARE);
        CowMotion cow = CowMotion.of(CowTraits.random(3), T0, ZoneOffset.UTC, List.of());
        collar = SimulatedCollar.builder(CollarIdentity.of(EUI, ROOT), cow, InMemoryCounterStore.create(),
                        serial.<Transport>map(Serial::dongle).orElse(uplinks::add))
                .firmware(agent)
                .build();
    }

    /** A bench in {@code dir} (database {@code herdgate.db}), frames in process, updates with {@code settings}. */
    public static CollarBench open(Path dir, UpdateSettings settings) {
        return new CollarBench(dir, settings, false);
    }

    /** A bench whose frames go over a real serial link (needs socat). */
    public static CollarBench overSerial(Path dir, UpdateSettings settings) {
        return new CollarBench(dir, settings, true);
    }

    /** Pulls the dongle out (serial benches only): both ends hang up until {@link #replug}. */
    public void unplug() {
        serial.orElseThrow().pty().kill();
    }

    /** Plugs the dongle back in; the links reopen by themselves. */
    public void replug() {
        serial.orElseThrow().pty().start();
    }

    public Database db() {
        return db;
    }

    public CollarRegistry registry() {
        return registry;
    }

    public FlashService flash() {
        return flash;
    }

    public ManualClock clock() {
        return clock;
    }

    /** The firmware the collar runs now. */
    public FirmwareVersion collarFirmware() {
        return agent.running();
    }

    public SimulatedCollar.State collarState() {
        return collar.state();
    }

    /** A release of {@link #NEW} for this bench's hardware, signed by its vendor. */
    public SignedImage image(int bytes) {
        return image(bytes, vendor);
    }

    /** A release of {@link #NEW} signed with {@code signer}. */
    public static SignedImage image(int bytes, KeyPair signer) {
        byte[] b = new byte[bytes];
        new Random(bytes).nextBytes(b);
        return ImageSigner.of(signer.getPrivate()).sign(b, NEW, HARDWARE);
    }

    /** While false, downlinks are lost on air. */
    public void linkUp(boolean up) {
        linkUp = up;
    }

    /** Downlinks that reached the collar so far. */
    public synchronized int downlinksDelivered() {
        return downlinksDelivered;
    }

    /** Moves simulated time on by 100 ms: the collar runs, its frames go through the pipeline and back. */
    public synchronized void step() {
        clock.advance(Duration.ofMillis(100));
        collar.advanceTo(clock.instant());
        for (byte[] f : List.copyOf(uplinks)) {
            pipeline.accept(InboundFrame.of(f, clock.instant(), -68));
        }
        uplinks.clear();
        serial.ifPresent(s -> s.dongle().flush());
        ConcurrentLinkedQueue<byte[]> arriving = serial.isPresent() ? onAir : downlinks;
        for (byte[] f = arriving.poll(); f != null; f = arriving.poll()) {
            if (linkUp) {
                collar.receive(f);
                downlinksDelivered++;
            }
        }
    }

    /** Steps until {@code done} holds, at most an hour of simulated time; false if it never did. */
    public boolean runUntil(BooleanSupplier done) throws InterruptedException {
        Instant end = clock.instant().plus(Duration.ofHours(1));
        while (!done.getAsBoolean() && clock.instant().isBefore(end)) {
            step();
            pause();
        }
        return done.getAsBoolean();
    }

    /** Lets the update thread (and the serial link) answer before simulated time runs on. */
    private void pause() throws InterruptedException {
        Thread.sleep(serial.isPresent() ? 10 : 1);
    }

    /** Steps on a background thread until {@link #close}. */
    public void runInBackground() {
        running.set(true);
        background = new Thread(() -> {
            while (running.get()) {
                step();
                try {
                    pause();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "collar-bench");
        background.setDaemon(true);
        background.start();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        if (background != null) {
            background.join();
        }
        flash.close();
        serial.ifPresent(s -> {
            s.dongle().close();
            s.link().close();
            s.ingest().close();
            s.pty().close();
        });
        db.close();
    }
}
