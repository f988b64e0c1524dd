package io.herdgate.rules.behaviour;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a cow is doing during a window. */
public enum Behaviour {
    /** Lying or resting still. */
    RESTING,
    /** Standing, head up, little movement. */
    STANDING,
    /** Grazing or feeding, head down, biting and chewing. */
    GRAZING,
    /** Walking (or trotting). */
    WALKING,
    /** Chewing the cud; reserved: no labelled collar data to detect it yet, so no classifier emits it. */
    RUMINATING,
    /** Anything else: rare behaviours (drinking, licking, scratching ...) and unknown. */
    OTHER;

    /** The lower-case name used in JSON and on the command line, e.g. {@code "grazing"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #label()} (case-insensitive). */
    public static Optional<Behaviour> ofLabel(String label) {
        return Arrays.stream(values()).filter(b -> b.label().equalsIgnoreCase(label.trim())).findFirst();
    }

    /**
     * Maps a label of the collar_10hz behaviour dataset ({@code Resting, Standing, Grazing, Walking},
     * rare ones such as {@code Licking}) onto a behaviour; rare and unknown labels become {@link #OTHER}.
     */
    public static Behaviour ofDatasetLabel(String label) {
        return switch (label.trim()) {
            case "Resting" -> RESTING;
            case "Standing" -> STANDING;
            case "Grazing" -> GRAZING;
            case "Walking", "Trotting" -> WALKING;
            default -> OTHER;
        };
    }

    /** All labels, for error messages. */
    public static String allowedLabels() {
        return Arrays.stream(values()).map(Behaviour::label).collect(Collectors.joining(", "));
    }
}
