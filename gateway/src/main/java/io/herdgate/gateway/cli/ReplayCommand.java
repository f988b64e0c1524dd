package io.herdgate.gateway.cli;

import io.herdgate.rules.config.ConfigProblem;
import io.herdgate.rules.config.RulesCheck;
import io.herdgate.rules.config.RulesConfig;
import io.herdgate.rules.config.RulesFile;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.feature.SampleRate;
import io.herdgate.rules.feature.Unit;
import io.herdgate.rules.replay.AlarmComparison;
import io.herdgate.rules.replay.AlarmJson;
import io.herdgate.rules.replay.Herd;
import io.herdgate.rules.replay.HerdCsv;
import io.herdgate.rules.replay.InputFormatException;
import io.herdgate.rules.replay.RawSamples;
import io.herdgate.rules.replay.Replay;
import io.herdgate.rules.replay.ReplayReport;
import io.herdgate.rules.replay.ReplayResult;
import io.herdgate.rules.replay.RowProblem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herdgate replay}: runs the detectors over a CSV of past data and writes the alarms as JSON
 * lines; with {@code --compare} also runs a second rule set and prints what it adds and removes.
 * Summary and bad rows go to stderr; exit 1 on unusable input, invalid rules or a bad row in strict mode.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replay past sensor data through the detectors and write the alarms as JSON lines.",
                "Input CSV: header with cow,timestamp and any of activity, rumination_min, lying_min, lying_bouts,"
                        + " steps, motion_index (empty fields are no data), or raw ax,ay,az samples with --rate."
                        + " Timestamps ISO-8601; without offset they are read in --zone (default UTC)."})
public final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "Per-cow interval data.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "alarms.jsonl",
            description = "Where to write the alarms (of --rules), one JSON object per line; '-' for stdout.")
    String out;

    @Option(names = "--rules", paramLabel = "RULES.yaml", description = "Rules file; the shipped defaults without it.")
    Path rules;

    @Option(names = "--herd", paramLabel = "HERD.csv",
            description = "Herd data: cow,group,calving_date,breeding_date (dates yyyy-MM-dd, empty allowed).")
    Path herd;

    @Option(names = "--compare", paramLabel = "OTHER.yaml",
            description = "A second rules file: print the alarms it adds and removes and the totals per type.")
    Path compare;

    @Option(names = "--match-window", paramLabel = "DURATION", defaultValue = "12h", converter = DurationConverter.class,
            description = "With --compare: alarms of the same cow and type raised at most this far apart are the same (default ${DEFAULT-VALUE}).")
    Duration matchWindow;

    @Option(names = "--strict", description = "Stop at the first bad row (exit 1) instead of skipping it.")
    boolean strict;

    @Option(names = "--rate", paramLabel = "HZ",
            description = "Sample rate of raw ax,ay,az input (1..100 Hz); such input becomes one observation per cow per minute.")
    Double rate;

    @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "ms2",
            description = "Unit of raw ax,ay,az samples: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Unit unit;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Row interval of every cow (e.g. 1min, 15min, 2h); detected per cow without it.")
    Duration interval;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", converter = ZoneConverter.class,
            description = "Farm time zone for timestamps without offset and clock windows (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores); the output does not depend on it.")
    Integer threads;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return replay(err);
        } catch (InputFormatException e) {
            err.println("herdgate replay: " + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("herdgate replay: " + e.getFile() + ": no such file");
            return 1;
        } finally {
            err.flush();
        }
    }

    private int replay(PrintWriter err) throws IOException, InputFormatException {
        if (interval != null && (interval.compareTo(Duration.ofMinutes(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--interval " + interval + " is outside 1min..1d");
        }
        Optional<RulesConfig> base = load(rules, err);
        Optional<RulesConfig> other = compare == null ? Optional.of(RulesConfig.defaults()) : load(compare, err);
        if (base.isEmpty() || other.isEmpty()) {
            return 1;
        }
        Herd herdData = Herd.empty();
        if (herd != null) {
            HerdCsv.Read read = HerdCsv.read(herd);
            read.problems().forEach(err::println);
            if (strict && !read.problems().isEmpty()) {
                err.println("herdgate replay: stopped at a bad herd line (--strict)");
                return 1;
            }
            herdData = read.herd();
        }
        List<Rules> ruleSets = new ArrayList<>();
        ruleSets.add(base.get().rules(herdData::groupOf));
        if (compare != null) {
            ruleSets.add(other.get().rules(herdData::groupOf));
        }
        Replay replay = Replay.of(input).zone(zone).strict(strict).calendar(herdData.calendar(zone));
        if (interval != null) {
            replay = replay.interval(interval);
        }
        if (threads != null) {
            replay = replay.threads(threads);
        }
        if (rate != null) {
            if (!(rate >= SampleRate.MIN_HZ && rate <= SampleRate.MAX_HZ)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rate " + rate + " is outside "
                        + SampleRate.MIN_HZ + ".." + SampleRate.MAX_HZ + " Hz");
            }
            replay = replay.rawSamples(RawSamples.of(SampleRate.ofHz(rate), unit));
        }
        ReplayResult result = replay.run(ruleSets);
        // strict: only the bad row that stopped the run (other threads may have met one more meanwhile)
        for (RowProblem p : result.stopped() ? result.problems().subList(0, 1) : result.problems()) {
            err.println(p);
        }
        if (!result.stopped() && result.stats().rowsSkipped() > result.problems().size()) {
            err.println("... and " + (result.stats().rowsSkipped() - result.problems().size()) + " more bad rows");
        }
        if (result.stopped()) {
            err.println("herdgate replay: stopped at the first bad row (--strict); no alarms written");
            return 1;
        }
        writeAlarms(result);
        ReplayReport.summary(input.toString(), result, 0).forEach(err::println);
        if (compare != null) {
            PrintWriter stdout = spec.commandLine().getOut();
            AlarmComparison c = AlarmComparison.of(result.alarms().get(0), result.alarms().get(1), matchWindow);
            ReplayReport.comparison(base.get().source(), other.get().source(), c, result.stats().cowDays())
                    .forEach(stdout::println);
            stdout.flush();
        }
        return 0;
    }

    private Optional<RulesConfig> load(Path file, PrintWriter err) {
        if (file == null) {
            return Optional.of(RulesConfig.defaults());
        }
        RulesCheck check = RulesFile.read(file);
        if (check instanceof RulesCheck.Invalid invalid) {
            invalid.problems().stream().map(ConfigProblem::toString).forEach(err::println);
            err.println("herdgate replay: " + file + " has " + invalid.problems().size() + " error(s); nothing replayed");
            return Optional.empty();
        }
        return Optional.of(((RulesCheck.Valid) check).config());
    }

    private void writeAlarms(ReplayResult result) throws IOException {
        if (out.equals("-")) {
            PrintWriter stdout = spec.commandLine().getOut();
            AlarmJson.write(result.alarms().get(0), stdout);
            stdout.flush();
            return;
        }
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(out)), StandardCharsets.UTF_8))) {
            AlarmJson.write(result.alarms().get(0), w);
        }
    }
}
