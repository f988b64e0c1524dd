package io.herdgate.rules.behaviour.training;

import io.herdgate.rules.behaviour.ClassifierMetrics;
import java.util.Objects;

/**
 * The shipped training's leave-one-cow-out figures, decided three ways from the same held-out window
 * probabilities.
 *
 * @param windows     each window on its own
 * @param perRecording through the fold's bout filter, reset at every recording (bout file), as
 *                    {@code herdgate classify} decides each file
 * @param stream      through the fold's bout filter over all of a cow's recordings in index order, never
 *                    reset: the closest to a collar worn for days
 */
public record LeaveOneCowOut(ClassifierMetrics windows, ClassifierMetrics perRecording, ClassifierMetrics stream) {

    public LeaveOneCowOut {
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(perRecording, "perRecording");
        Objects.requireNonNull(stream, "stream");
    }

    /** The three reports one after the other, each in {@link ClassifierMetrics#render()}'s layout. */
    public String render() {
        return windows.render() + perRecording.render() + stream.render();
    }
}
