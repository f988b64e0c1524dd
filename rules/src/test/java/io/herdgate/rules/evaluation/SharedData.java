package io.herdgate.rules.evaluation;

import java.nio.file.Path;

/** The data folder (holding heat/, calving/, minute/, behaviour/) for the evaluation tests. */
final class SharedData {

    private SharedData() {
    }

    /** Fails when CI is set and the data are missing, skips otherwise (see {@link io.herdgate.rules.support.SharedData}). */
    static Path dataDir() {
        return io.herdgate.rules.support.SharedData.dir("heat").getParent();
    }
}
