package io.herdgate.gateway.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herdgate.rules.behaviour.BehaviourClassifier;
import io.herdgate.rules.behaviour.BoutFilter;
import io.herdgate.rules.behaviour.ClassProbabilities;
import io.herdgate.rules.behaviour.Classification;
import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.feature.FeatureExtractor;
import io.herdgate.rules.feature.FeatureSettings;
import io.herdgate.rules.feature.SampleRate;
import io.herdgate.rules.feature.Unit;
import io.herdgate.rules.feature.WindowFeatures;
import io.herdgate.rules.samples.CsvOutcome;
import io.herdgate.rules.samples.SampleCsv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herdgate classify}: behaviour per 10 s window of raw accelerometer CSV files, one JSON object per
 * line on stdout. Problems with one file go to stderr and the run continues with the next file.
 */
@Command(name = "classify",
        mixinStandardHelpOptions = true,
        description = {
                "Classify cow behaviour per 10 s window from raw collar "
                        + "accelerometer CSV files.",
                "Each file needs a header with ax,ay,az columns (any order, other columns ignored) and evenly "
                        + "spaced rows. Prints one JSON object per window: "
                        + "{\"file\":...,\"start_s\":...,\"label\":...,\"confidence\":...}; label is one of "
                        + "resting, standing, grazing, walking, ruminating, other.",
                "Each file is one continuous recording: a window's label weighs its own class probabilities "
                        + "against the behaviour the windows before it in the same file point to (behaviours come "
                        + "in bouts; the classifier's bout filter), as the gateway does live; --no-filter decides "
                        + "each window on its own.",
                "Resting and standing are told apart by the head's posture against the cow's own walking and "
                        + "grazing postures, learnt from the windows as they come (from 30 s of each); before that "
                        + "the window's own features decide. Each file starts afresh unless --same-cow says all "
                        + "files come from one collar, in time order.",
                "Exit status: 0 when at least one file was read, 1 when none could be read, 2 for bad "
                        + "arguments."})
final class ClassifyCommand implements Callable<Integer> {


    @Spec
    CommandSpec spec;

    @Option(names = "--rate", required = true, paramLabel = "HZ",
            description = "Sample rate of the files in Hz (the classifier needs 5..100).")
    double rateHz;

    @Option(names = "--unit", defaultValue = "ms2", paramLabel = "UNIT",
            description = "Unit of ax,ay,az: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Unit unit;

    @Option(names = "--no-filter",
            description = "Decide each window on its own, without the bout filter the gateway runs.")
    boolean noFilter;

    @Option(names = "--same-cow",
            description = "All files come from one collar, in time order: the posture learnt from one file "
                    + "carries on into the next.")
    boolean sameCow;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV files with ax,ay,az columns.")
    List<Path> files;

    @Override
    public Integer call() {
        BehaviourClassifier classifier = BehaviourClassifier.shipped();
        if (!(rateHz >= classifier.minRateHz() && rateHz <= SampleRate.MAX_HZ)) {
            throw new ParameterException(spec.commandLine(), "--rate must be " + classifier.minRateHz() + ".."
                    + SampleRate.MAX_HZ + " Hz for classification, got " + rateHz);
        }
        FeatureSettings settings = FeatureSettings.of(SampleRate.ofHz(rateHz), unit,
                FeatureSettings.CLASSIFICATION_WINDOW_S);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int read = 0;
        PostureReference[] posture = {PostureReference.EMPTY};
        for (Path file : files) {
            FeatureExtractor extractor = FeatureExtractor.of(settings);
            BoutFilter filter = noFilter ? BoutFilter.none(classifier.behaviours()) : classifier.filter();
            if (!sameCow) {
                posture[0] = PostureReference.EMPTY;
            }
            String name = file.toString();
            Consumer<WindowFeatures> window = w -> {
                ClassProbabilities p = classifier.probabilities(w, posture[0]);
                posture[0] = posture[0].learn(p, w);
                print(out, name, w, filter.add(p));
            };
            CsvOutcome outcome = SampleCsv.read(file, (ax, ay, az) -> extractor.add(ax, ay, az).ifPresent(window));
            extractor.flush().ifPresent(window);
            out.flush();
            // Java 17 has no pattern switch; the three cases of the sealed outcome in turn.
            if (outcome instanceof CsvOutcome.Unreadable u) {
                err.println("herdgate classify: " + u.problem().describe());
            } else {
                read++;
                if (outcome instanceof CsvOutcome.Stopped s) {
                    err.println("herdgate classify: " + s.problem().describe() + " (file stopped after "
                            + s.samples() + " samples)");
                }
            }
            err.flush();
        }
        return read > 0 ? 0 : 1;
    }

    private static void print(PrintWriter out, String file, WindowFeatures w, Classification c) {
        // A bare node factory: picocli creates every command at start, so no ObjectMapper here (start time).
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("file", file);
        line.put("start_s", Math.round(w.startS() * 1000) / 1000.0);
        line.put("label", c.behaviour().label());
        line.put("confidence", Math.round(c.confidence() * 1000) / 1000.0);
        out.println(line);
    }
}
