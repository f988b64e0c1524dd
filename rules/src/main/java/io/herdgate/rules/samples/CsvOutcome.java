package io.herdgate.rules.samples;

/** How reading one sample file ended. */
public sealed interface CsvOutcome {

    /** Samples delivered to the sink before the end or the problem. */
    long samples();

    /** Every data row was read. */
    record Complete(long samples) implements CsvOutcome {
    }

    /** Reading stopped at a bad row; the samples before it were delivered. */
    record Stopped(long samples, CsvProblem problem) implements CsvOutcome {
    }

    /** Nothing could be read: file missing, unreadable, empty or without the needed columns. */
    record Unreadable(CsvProblem problem) implements CsvOutcome {
        @Override
        public long samples() {
            return 0;
        }
    }
}
