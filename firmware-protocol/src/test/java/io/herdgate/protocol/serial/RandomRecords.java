package io.herdgate.protocol.serial;

import java.util.Random;

/** Random valid records of every kind, for property-style tests with fixed seeds. */
final class RandomRecords {

    private RandomRecords() {
    }

    static DongleRecord next(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> RadioUplink.of(random.nextInt(256), random.nextInt(256) - 128, random.nextInt(256) - 128,
                    u32(random), frame(random));
            case 1 -> RadioDownlink.of(TxTag.of(random.nextInt(65536)), random.nextInt(256),
                    random.nextInt(256) - 128, frame(random));
            case 2 -> DongleStatus.of(u32(random), u32(random), u32(random));
            default -> TxDone.of(TxTag.of(random.nextInt(65536)),
                    TxOutcome.values()[random.nextInt(TxOutcome.values().length)], u32(random));
        };
    }

    private static long u32(Random random) {
        return random.nextInt() & 0xFFFF_FFFFL;
    }

    /** Lengths spread over 1..max with the edges favoured; a third of the bytes zero, to exercise COBS. */
    private static RadioFrame frame(Random random) {
        int len = switch (random.nextInt(4)) {
            case 0 -> 1;
            case 1 -> SerialLimits.MAX_RADIO_FRAME;
            default -> 1 + random.nextInt(SerialLimits.MAX_RADIO_FRAME);
        };
        byte[] bytes = new byte[len];
        for (int i = 0; i < len; i++) {
            bytes[i] = random.nextInt(3) == 0 ? 0 : (byte) random.nextInt(256);
        }
        return RadioFrame.of(bytes);
    }
}
