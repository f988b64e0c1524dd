package io.herdgate.gateway.cli;

import io.herdgate.rules.behaviour.training.DatasetException;
import io.herdgate.rules.evaluation.ClassificationEvaluation;
import io.herdgate.rules.evaluation.Evaluation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herdgate evaluate}: runs the detectors with the shipped defaults over the datasets and prints the figures. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {"Measures the detectors on the public cattle datasets with the shipped defaults:",
                "heat against SCR's episodes, calving, cow down and offline on healthy per-minute cows,",
                "and the behaviour classifier leave-one-cow-out on the 10 Hz collar recordings."})
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "Folder holding heat/, calving/, minute/ and behaviour/ (default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(data)) {
            err.println("herdgate evaluate: --data " + data + " is not a folder; it must hold heat/, calving/, minute/ and behaviour/");
            return 2;
        }
        out.print(Evaluation.of(data).run().render());
        out.flush();
        try {
            out.print(ClassificationEvaluation.run(data).render());
        } catch (DatasetException e) {
            err.println("herdgate evaluate: behaviour classification: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
        }
        return 0;
    }
}
