package io.herdgate.rules.observe;

import io.herdgate.rules.behaviour.ClassProbabilities;
import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.feature.Axes;
import io.herdgate.rules.feature.ExtractorState;
import java.util.List;

/**
 * Everything a {@link MinuteObserver} remembers, so a gateway restart continues a cow's minutes where they
 * stopped ({@link MinuteObserver#state()}, {@link MinuteObserver#restore}).
 *
 * @param extractor      the feature extractor's state
 * @param minutes        minutes reported so far
 * @param windows        10 s windows in the minute in progress
 * @param samples        samples in those windows
 * @param vedbaSumMg     Σ VeDBA × samples over those windows, mg
 * @param steps          steps so far in the minute
 * @param lyingS         seconds classified resting so far in the minute
 * @param ruminationS    seconds classified ruminating so far in the minute
 * @param lyingBouts     lying bouts started so far in the minute
 * @param previousResting whether the last window was classified resting
 * @param gravitySumG    Σ mean gravity × samples over those windows, g
 * @param magnitudeMeanG Welford mean of |a| since the minute started, g
 * @param magnitudeM2G2  Welford sum of squared deviations of |a|, g²
 * @param magnitudeCount samples in the Welford sums
 * @param recentWindows  the behaviour filter's belief after the last window ({@code BoutFilter#belief()}), one
 *                       entry, none before the first window; states saved before the filter held the last
 *                       three windows' probabilities, oldest first, and restore from the newest
 * @param posture        the cow's posture reference learnt so far
 */
public record ObserverState(ExtractorState extractor, long minutes, int windows, long samples, double vedbaSumMg,
                            double steps, double lyingS, double ruminationS, int lyingBouts,
                            boolean previousResting, Axes gravitySumG, double magnitudeMeanG,
                            double magnitudeM2G2, long magnitudeCount,
                            List<ClassProbabilities> recentWindows, PostureReference posture) {

    public ObserverState {
        recentWindows = List.copyOf(recentWindows);
    }
}
