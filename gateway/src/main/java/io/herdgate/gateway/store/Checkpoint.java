package io.herdgate.gateway.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A detector-state snapshot and when it was taken (stored to the millisecond).
 *
 * @param takenAt  the engine clock's time of the snapshot
 * @param snapshot the bytes of {@code DetectionEngine#snapshot()}; copied in and out
 */
public record Checkpoint(Instant takenAt, byte[] snapshot) {

    public Checkpoint {
        Objects.requireNonNull(takenAt, "takenAt");
        snapshot = snapshot.clone();
    }

    public static Checkpoint of(Instant takenAt, byte[] snapshot) {
        return new Checkpoint(takenAt, snapshot);
    }

    @Override
    public byte[] snapshot() {
        return snapshot.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && takenAt.equals(c.takenAt) && Arrays.equals(snapshot, c.snapshot);
    }

    @Override
    public int hashCode() {
        return 31 * takenAt.hashCode() + Arrays.hashCode(snapshot);
    }

    @Override
    public String toString() {
        return "Checkpoint[takenAt=" + takenAt + ", " + snapshot.length + " bytes]";
    }
}
