package io.herdgate.bench;

import io.herdgate.protocol.firmware.CollarFirmware;
import io.herdgate.protocol.firmware.FirmwarePayloads;
import io.herdgate.protocol.firmware.FirmwareUpdater;
import io.herdgate.protocol.firmware.ImageSigner;
import io.herdgate.protocol.firmware.InMemoryProgressStore;
import io.herdgate.protocol.firmware.ProgressListener;
import io.herdgate.protocol.firmware.SignedImage;
import io.herdgate.protocol.firmware.SimulatedFlash;
import io.herdgate.protocol.firmware.UpdateOutcome;
import io.herdgate.protocol.firmware.UpdateSettings;
import io.herdgate.protocol.firmware.VendorKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.payload.PayloadResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * CPU cost of a firmware update without the radio: a whole 64 KiB update (gateway updater and collar,
 * every command and reply through the payload codec, SHA-256 and Ed25519 checks included), and one
 * chunk payload encoded and decoded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FirmwareUpdateBenchmark {

    private static final int HARDWARE = 3;
    private static final CollarEui EUI = CollarEui.parse("70B3D57ED0000042");

    private VendorKey vendorKey;
    private SignedImage image;
    private FirmwareCommand.Chunk chunk;

    @Setup
    public void setUp() {
        KeyPair vendor = ImageSigner.generateKeyPair();
        vendorKey = VendorKey.of(vendor.getPublic());
        byte[] bytes = new byte[64 * 1024];
        new Random(1).nextBytes(bytes);
        image = ImageSigner.of(vendor.getPrivate()).sign(bytes, FirmwareVersion.of(1, 1, 0), HARDWARE);
        chunk = image.chunk(4096, FirmwareCommand.Chunk.MAX_DATA_BYTES);
    }

    @Benchmark
    public UpdateOutcome update64KiB() {
        CollarFirmware collar = CollarFirmware.boot(SimulatedFlash.of(64 * 1024, FirmwareVersion.of(1, 0, 0)),
                vendorKey, HARDWARE);
        ArrayDeque<byte[]> replies = new ArrayDeque<>();
        FirmwareUpdater updater = FirmwareUpdater.of(EUI, image, command -> {
            PayloadResult in = FirmwarePayloads.decodeCommand(FirmwarePayloads.encode(command));
            FirmwareCommand received = (FirmwareCommand) ((PayloadResult.Ok) in).message();
            replies.add(FirmwarePayloads.encode(collar.handle(received)));
        }, InMemoryProgressStore.create(), Clock.systemUTC(), UpdateSettings.defaults(), ProgressListener.none());
        updater.start();
        while (!updater.done()) {
            byte[] reply = replies.poll();
            if (reply == null) {
                throw new IllegalStateException("update stalled: " + updater);
            }
            updater.onReply((FirmwareReply) ((PayloadResult.Ok) FirmwarePayloads.decodeReply(reply)).message());
        }
        return updater.outcome().orElseThrow();
    }

    @Benchmark
    public PayloadResult chunkEncodeDecode() {
        return FirmwarePayloads.decodeCommand(FirmwarePayloads.encode(chunk));
    }
}
