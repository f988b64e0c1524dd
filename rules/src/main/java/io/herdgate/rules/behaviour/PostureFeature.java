package io.herdgate.rules.behaviour;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The inputs of the classifier's second stage (resting against standing), from {@link PostureAngles}. */
public enum PostureFeature {
    /** {@link PostureAngles#pitchDeg()}, degrees. */
    PITCH_FROM_WALKING,
    /** {@link PostureAngles#lateralDeg()}, degrees. */
    LATERAL_FROM_WALKING,
    /** {@link PostureAngles#fromWalkingDeg()}, degrees. */
    ANGLE_FROM_WALKING;

    /** This feature's value for {@code a}. */
    public double of(PostureAngles a) {
        return switch (this) {
            case PITCH_FROM_WALKING -> a.pitchDeg();
            case LATERAL_FROM_WALKING -> a.lateralDeg();
            case ANGLE_FROM_WALKING -> a.fromWalkingDeg();
        };
    }

    /** The name used in the model file, e.g. {@code "pitch_from_walking"}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PostureFeature> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }
}
