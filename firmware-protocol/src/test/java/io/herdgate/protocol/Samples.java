package io.herdgate.protocol;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.Ack;
import io.herdgate.protocol.message.ActivitySummary;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.CollarEvent;
import io.herdgate.protocol.message.CollarStatus;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.JoinAccept;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.ResetCause;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.message.TimeSync;
import java.util.List;

/** Fixed keys, addresses and one example message per type, shared by the protocol tests. */
public final class Samples {

    public static final CollarEui EUI = CollarEui.parse("70B3D57ED0001234");
    public static final AesKey ROOT_KEY = AesKey.ofHex("000102030405060708090a0b0c0d0e0f");
    public static final AesKey MIC_KEY = AesKey.ofHex("2b7e151628aed2a6abf7158809cf4f3c");
    public static final AesKey PAYLOAD_KEY = AesKey.ofHex("603deb1015ca71be2b73aef0857d7781");
    public static final SessionKeys KEYS = SessionKeys.of(MIC_KEY, PAYLOAD_KEY);

    private Samples() {
    }

    /** A cow lying still-ish: gravity on z at ±4 g (512 counts per g) with small noise. */
    public static SampleBatch restingBatch(int n) {
        short[] xyz = new short[3 * n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = (short) (12 + (i * 7 % 5) - 2);
            xyz[3 * i + 1] = (short) (-30 + (i * 3 % 4));
            xyz[3 * i + 2] = (short) (505 + (i * 11 % 7));
        }
        return SampleBatch.of(1500, 1000, AccelRange.G4, xyz);
    }

    /**
     * Differences of the same size throughout (±6 to ±7 counts, alternating): blocks of one bit width code
     * them tighter than Rice codes, which pay a unary bit per value.
     */
    public static SampleBatch evenSwingBatch(int n) {
        short[] xyz = new short[3 * n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                int swing = 6 + (i + a) % 2;
                xyz[3 * i + a] = (short) (100 * a + (i % 2 == 0 ? 0 : swing));
            }
        }
        return SampleBatch.of(1500, 1000, AccelRange.G4, xyz);
    }

    /** Full-scale alternating values, which no delta coding can shrink. */
    public static SampleBatch extremeBatch(int n) {
        short[] xyz = new short[3 * n];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = (short) (i % 2 == 0 ? SampleBatch.MIN_COUNT : SampleBatch.MAX_COUNT);
        }
        return SampleBatch.of(0xFFFF_FFFFL, 0xFFFF, AccelRange.G16, xyz);
    }

    public static CollarStatus status() {
        return CollarStatus.of(3600, -45, FirmwareVersion.of(1, 4, 2), 86_400, ResetCause.WATCHDOG, 12_345, 7);
    }

    /** One message of every type this codec encodes. */
    public static List<Message> everyType() {
        return List.of(
                restingBatch(40),
                ActivitySummary.of(30, 600, List.of(ActivitySummary.Interval.of(120, 40, 300, 200, 1),
                        ActivitySummary.Interval.of(65535, 0, 0, 65535, 2))),
                status(),
                CollarEvent.of(CollarEvent.Kind.FREE_FALL, 2500, 180, 420),
                JoinRequest.of(0x1234, FirmwareVersion.of(1, 0, 0)),
                JoinAccept.of(0xE5063A, 0x000013, 1_790_000_000L, CollarConfig.defaults()),
                CollarConfig.of(2500, AccelRange.G8, 20, 600, 4000, 250, 7200, 1800),
                TimeSync.of(1_790_000_000_123L),
                Ack.of(0xFFFF_FFFFL),
                firmwareBegin(),
                FirmwareReply.NextOffset.of(firmwareBegin().image(), 4608));
    }

    /** A firmware-update begin with fixed (not vendor-signed) hash and signature bytes. */
    public static FirmwareCommand.Begin firmwareBegin() {
        byte[] sha = new byte[32];
        byte[] signature = new byte[64];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = (byte) (0xC0 + i);
            sha[i % 32] = (byte) (0x10 + i % 32);
        }
        return FirmwareCommand.Begin.of(65_536, sha, FirmwareVersion.of(1, 5, 0), 3, signature);
    }
}
