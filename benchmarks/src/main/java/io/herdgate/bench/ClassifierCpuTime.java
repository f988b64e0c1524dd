package io.herdgate.bench;

import com.sun.management.ThreadMXBean;
import io.herdgate.rules.behaviour.BehaviourClassifier;
import io.herdgate.rules.behaviour.BoutFilter;
import io.herdgate.rules.behaviour.ClassProbabilities;
import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.feature.WindowFeatures;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * The three paths of {@link ClassifierBenchmark} timed by this thread's CPU time instead of the wall clock, so
 * the figure holds on a machine shared with other work (another process stealing the core stops no clock).
 * A pass classifies {@value #PASS} windows; each round makes one pass per path; the first third of the rounds
 * warm the JIT and are dropped; the least and the median pass of the rest are printed per window, with the
 * bytes a pass allocated on this thread per window (least pass). Usage:
 * {@code java -cp benchmarks.jar io.herdgate.bench.ClassifierCpuTime [rounds]} (default 30). JMH stays the
 * benchmark of record on an idle machine.
 */
public final class ClassifierCpuTime {

    private static final int PASS = 200_000;
    private static final int WINDOWS = 256;
    private static double sink;

    private ClassifierCpuTime() {
    }

    private enum Path { FIRST_STAGE_ONLY, BOTH_STAGES, LIVE_STEP }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        BehaviourClassifier classifier = BehaviourClassifier.shipped();
        WindowFeatures[] windows = ClassifierBenchmark.windows(WINDOWS);
        PostureReference ready = ClassifierBenchmark.readyReference(classifier, windows);
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path[] paths = Path.values();
        long[][] ns = new long[paths.length][rounds];
        long[] bytes = new long[paths.length];
        Arrays.fill(bytes, Long.MAX_VALUE);
        for (int r = 0; r < rounds; r++) {
            for (Path p : paths) {
                long a0 = mx.getCurrentThreadAllocatedBytes();
                long t0 = mx.getCurrentThreadCpuTime();
                pass(p, classifier, windows, ready);
                ns[p.ordinal()][r] = mx.getCurrentThreadCpuTime() - t0;
                bytes[p.ordinal()] = Math.min(bytes[p.ordinal()], mx.getCurrentThreadAllocatedBytes() - a0);
            }
        }
        System.out.println("| path | CPU ns/window (least, median) | windows per CPU-s (median) | alloc per window |");
        System.out.println("|---|---|---|---|");
        for (Path p : paths) {
            long[] kept = Arrays.copyOfRange(ns[p.ordinal()], rounds / 3, rounds);
            Arrays.sort(kept);
            double least = (double) kept[0] / PASS;
            double median = (double) kept[kept.length / 2] / PASS;
            System.out.println(String.format(Locale.ROOT, "| %s | %.0f, %.0f | %,.0f | %.0f B |",
                    p.name().toLowerCase(Locale.ROOT), least, median, 1e9 / median, (double) bytes[p.ordinal()] / PASS));
        }
        if (sink == 42) {
            System.out.println(); // keeps the results from being optimised away
        }
    }

    private static void pass(Path path, BehaviourClassifier classifier, WindowFeatures[] windows,
                             PostureReference ready) {
        PostureReference live = ready;
        BoutFilter filter = classifier.filter();
        double acc = 0;
        for (int i = 0; i < PASS; i++) {
            WindowFeatures w = windows[i & (WINDOWS - 1)];
            switch (path) {
                case FIRST_STAGE_ONLY -> acc += classifier.probabilities(w, PostureReference.EMPTY).values().get(0);
                case BOTH_STAGES -> acc += classifier.probabilities(w, ready).values().get(0);
                case LIVE_STEP -> {
                    ClassProbabilities p = classifier.probabilities(w, live);
                    live = live.learn(p, w);
                    acc += filter.add(p).confidence();
                }
            }
        }
        sink += acc;
    }
}
