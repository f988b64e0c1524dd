package io.herdgate.sim.herd;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The event names an {@link EventSpec} accepts. */
public enum EventKind {
    /** Oestrus: activity 2..4 times for 8..15 h. */
    HEAT,
    /** Activity and rumination down 30..50 % for 3..7 days. */
    ILLNESS,
    /** Calving, with 24 h of restlessness before it. */
    CALVING,
    /** Cow down, no motion but breathing for 7..12 h. */
    DOWN,
    /** Collar fallen off, lying on the ground for 6..48 h until refitted. */
    COLLAR_OFF,
    /** No radio link for 1..12 h. */
    RADIO_LOSS,
    /** An old battery: starts at 25 % charge, so its voltage declines to the end within the run. */
    BATTERY;

    /** The name in a spec, e.g. {@code collar_off}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventKind> ofSpecName(String name) {
        return Arrays.stream(values()).filter(k -> k.specName().equals(name)).findFirst();
    }

    /** All names, for error messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(EventKind::specName).collect(Collectors.joining(", "));
    }
}
