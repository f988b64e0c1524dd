package io.herdgate.rules.replay;

import java.util.Optional;

/**
 * The measure columns replay understands in an input CSV header (lower case, exact names). Each is a
 * non-negative amount per row interval; an empty field means no data for that measure.
 */
public enum InputColumn {
    /** Collar activity count per interval (vendor units, compared cow against herself). */
    ACTIVITY("activity"),
    /** Minutes ruminating within the interval. */
    RUMINATION_MIN("rumination_min"),
    /** Minutes lying within the interval. */
    LYING_MIN("lying_min"),
    /** Lying bouts started within the interval. */
    LYING_BOUTS("lying_bouts"),
    /** Steps within the interval. */
    STEPS("steps"),
    /** Leg-tag motion index within the interval (dimensionless). */
    MOTION_INDEX("motion_index");

    private final String header;

    InputColumn(String header) {
        this.header = header;
    }

    /** The header name, e.g. {@code rumination_min}. */
    public String header() {
        return header;
    }

    /** The column with this exact header name. */
    public static Optional<InputColumn> byHeader(String name) {
        for (InputColumn c : values()) {
            if (c.header.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
