package io.herdgate.rules.evaluation;

import io.herdgate.rules.params.RuleSet;
import io.herdgate.rules.params.Rules;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Runs the detectors with a rule set over the datasets folder ({@code heat/}, {@code calving/},
 * {@code minute/}) and measures them. Every run is deterministic (gaps are cut with a fixed seed).
 */
public final class Evaluation {

    private final Path dataDir;
    private final RuleSet ruleSet;

    private Evaluation(Path dataDir, RuleSet ruleSet) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
    }

    /** With the shipped defaults. */
    public static Evaluation of(Path dataDir) {
        return new Evaluation(dataDir, RuleSet.defaults());
    }

    public static Evaluation of(Path dataDir, RuleSet ruleSet) {
        return new Evaluation(dataDir, ruleSet);
    }

    /**
     * The calving part alone (a few milliseconds: for parameter scans).
     *
     * @throws DataFormatException when a file is missing or malformed (the message names file:line)
     */
    public CalvingFigures calving() {
        return CalvingEvaluation.run(calvingSet(), Rules.uniform(ruleSet));
    }

    /**
     * The calving part on the same calvings with the rumination column dropped: what a collar without a
     * rumination measure (the gateway's raw 10-Hz collars) gives the detector.
     *
     * @throws DataFormatException when a file is missing or malformed (the message names file:line)
     */
    public CalvingFigures calvingWithoutRumination() {
        return CalvingEvaluation.run(calvingSet().withoutRumination(), Rules.uniform(ruleSet));
    }

    /**
     * The part on the healthy per-minute cows alone (cow down, gaps, offline, false calving alarms).
     *
     * @throws DataFormatException when a file is missing or malformed (the message names file:line)
     */
    public MinuteFigures minute() {
        return minute(Rules.uniform(ruleSet));
    }

    /** @throws DataFormatException when a file is missing or malformed (the message names file:line) */
    public EvaluationReport run() {
        Rules rules = Rules.uniform(ruleSet);
        CalvingSet calvings = calvingSet();
        return EvaluationReport.of(
                HeatEvaluation.run(dataDir.resolve("heat"), rules),
                CalvingEvaluation.run(calvings, rules),
                CalvingEvaluation.run(calvings.withoutRumination(), rules),
                minute(rules));
    }

    private CalvingSet calvingSet() {
        return CalvingSet.read(dataDir.resolve("calving"));
    }

    private MinuteFigures minute(Rules rules) {
        return MinuteEvaluation.run(dataDir.resolve("minute"), rules, ruleSet.offline().afterMin());
    }
}
