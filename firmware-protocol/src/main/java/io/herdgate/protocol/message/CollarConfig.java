package io.herdgate.protocol.message;

/**
 * Collar configuration.
 *
 * @param sampleRateCentiHz    accelerometer rate in 1/100 Hz, 100..10000 (1..100 Hz)
 * @param range                accelerometer full-scale range
 * @param batchSeconds         seconds of samples per batch, 1..255; 0 turns raw batches off. A batch of more
 *                             than {@link SampleBatch#MAX_SAMPLES} samples goes out as several frames
 * @param summaryIntervalS     on-collar summary interval in s, 0 (off) or 60..65535
 * @param impactThresholdMg    on-collar impact event threshold in mg, 0..65535 (0 = off)
 * @param freeFallThresholdMg  free-fall threshold (|a| below it) in mg, 0..65535 (0 = off)
 * @param removedAfterS        seconds of static orientation before COLLAR_REMOVED, 0..65535 (0 = off)
 * @param statusIntervalS      seconds between status frames, 60..65535
 */
public record CollarConfig(int sampleRateCentiHz, AccelRange range, int batchSeconds, int summaryIntervalS,
                           int impactThresholdMg, int freeFallThresholdMg, int removedAfterS,
                           int statusIntervalS) implements Downlink {

    public CollarConfig {
        range("sampleRateCentiHz", sampleRateCentiHz, 100, 10_000);
        range("batchSeconds", batchSeconds, 0, 255);
        if (summaryIntervalS != 0) {
            range("summaryIntervalS", summaryIntervalS, 60, 0xFFFF);
        }
        range("impactThresholdMg", impactThresholdMg, 0, 0xFFFF);
        range("freeFallThresholdMg", freeFallThresholdMg, 0, 0xFFFF);
        range("removedAfterS", removedAfterS, 0, 0xFFFF);
        range("statusIntervalS", statusIntervalS, 60, 0xFFFF);
    }

    public static CollarConfig of(int sampleRateCentiHz, AccelRange range, int batchSeconds, int summaryIntervalS,
                                  int impactThresholdMg, int freeFallThresholdMg, int removedAfterS,
                                  int statusIntervalS) {
        return new CollarConfig(sampleRateCentiHz, range, batchSeconds, summaryIntervalS, impactThresholdMg,
                freeFallThresholdMg, removedAfterS, statusIntervalS);
    }

    /**
     * The factory configuration: 10 Hz, ±4 g, 4 s batches (40 samples, one frame), no summaries, events on,
     * status every 15 min.
     */
    public static CollarConfig defaults() {
        return of(1000, AccelRange.G4, 4, 0, 3000, 300, 3600, 900);
    }

    @Override
    public MessageType type() {
        return MessageType.CONFIG;
    }

    private static void range(String field, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + " out of " + min + ".." + max + ": " + v);
        }
    }
}
