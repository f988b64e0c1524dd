package io.herdgate.rules.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects bad rows from all replay threads: counts every one, keeps the first {@link #KEPT} (by line)
 * for printing, and in strict mode asks everyone to stop at the first.
 */
final class ProblemLog {

    static final int KEPT = 100;

    private final boolean strict;
    private final List<RowProblem> kept = new ArrayList<>();
    private long count;
    private volatile boolean stop;

    ProblemLog(boolean strict) {
        this.strict = strict;
    }

    /** Records a bad row; returns false when the replay must stop (strict mode). */
    synchronized boolean report(RowProblem p) {
        count++;
        kept.add(p);
        if (kept.size() > 4 * KEPT) {
            trim();
        }
        if (strict) {
            stop = true;
        }
        return !stop;
    }

    boolean stopped() {
        return stop;
    }

    synchronized long count() {
        return count;
    }

    /** The kept problems in line order (the first {@link #KEPT}). */
    synchronized List<RowProblem> kept() {
        trim();
        return List.copyOf(kept);
    }

    private void trim() {
        kept.sort(Comparator.comparingLong(RowProblem::line));
        if (kept.size() > KEPT) {
            kept.subList(KEPT, kept.size()).clear();
        }
    }
}
