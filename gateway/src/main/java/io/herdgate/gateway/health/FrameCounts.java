package io.herdgate.gateway.health;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Frames since the gateway started.
 *
 * @param received frames that arrived on any link, accepted or not
 * @param rejected frames refused, by reason (e.g. {@code bad_mic}, {@code replay}, {@code bad_crc}),
 *                 sorted by reason
 */
public record FrameCounts(long received, Map<String, Long> rejected) {

    public static final FrameCounts NONE = new FrameCounts(0, Map.of());

    public FrameCounts {
        if (received < 0) {
            throw new IllegalArgumentException("received frames cannot be negative: " + received);
        }
        rejected = Collections.unmodifiableSortedMap(new TreeMap<>(rejected));
    }

    public static FrameCounts of(long received, Map<String, Long> rejected) {
        return new FrameCounts(received, rejected);
    }
}
