package io.herdgate.sim.motion;

import io.herdgate.sim.event.Episode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A cow rendered at 10 Hz over a span, reduced to one value per 10-s window: VeDBA in g, the mean
 * gravity direction, the per-axis standard deviations and the behaviour of the window's first sample.
 */
final class Trace {

    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    static final int WINDOW = 100;
    static final double RATE = 10;

    final double[] vedba;
    final double[] maxSd;
    final double[] meanZ;
    final Behaviour[] behaviour;

    private Trace(int windows) {
        vedba = new double[windows];
        maxSd = new double[windows];
        meanZ = new double[windows];
        behaviour = new Behaviour[windows];
    }

    static Trace of(long seed, Duration span, List<Episode> episodes) {
        CowMotion cow = CowMotion.of(CowTraits.random(seed), T0, ZoneOffset.UTC, episodes);
        int windows = (int) (span.toSeconds() / 10);
        Trace t = new Trace(windows);
        float[] buf = new float[3 * WINDOW];
        for (int w = 0; w < windows; w++) {
            t.behaviour[w] = cow.bout().behaviour();
            cow.fill(buf, 0, WINDOW, RATE);
            double mx = 0;
            double my = 0;
            double mz = 0;
            for (int i = 0; i < buf.length; i += 3) {
                mx += buf[i];
                my += buf[i + 1];
                mz += buf[i + 2];
            }
            mx /= WINDOW;
            my /= WINDOW;
            mz /= WINDOW;
            double v = 0;
            double vx = 0;
            double vy = 0;
            double vz = 0;
            for (int i = 0; i < buf.length; i += 3) {
                double dx = buf[i] - mx;
                double dy = buf[i + 1] - my;
                double dz = buf[i + 2] - mz;
                v += Math.sqrt(dx * dx + dy * dy + dz * dz);
                vx += dx * dx;
                vy += dy * dy;
                vz += dz * dz;
            }
            t.vedba[w] = v / WINDOW;
            t.maxSd[w] = Math.sqrt(Math.max(vx, Math.max(vy, vz)) / WINDOW);
            t.meanZ[w] = mz / Math.sqrt(mx * mx + my * my + mz * mz);
        }
        return t;
    }

    /** Window index of an instant. */
    static int at(Instant t) {
        return (int) (Duration.between(T0, t).toSeconds() / 10);
    }

    /** Mean VeDBA (g) over windows [from, to). */
    double meanVedba(Instant from, Instant to) {
        double s = 0;
        int a = at(from);
        int b = at(to);
        for (int w = a; w < b; w++) {
            s += vedba[w];
        }
        return s / (b - a);
    }

    /** Largest per-window value of {@code values} over [from, to). */
    static double max(double[] values, Instant from, Instant to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int w = at(from); w < at(to); w++) {
            m = Math.max(m, values[w]);
        }
        return m;
    }

    /** Fraction of windows in [from, to) whose behaviour is one of {@code which}. */
    double fraction(Instant from, Instant to, Behaviour... which) {
        int hits = 0;
        int a = at(from);
        int b = at(to);
        for (int w = a; w < b; w++) {
            for (Behaviour x : which) {
                if (behaviour[w] == x) {
                    hits++;
                    break;
                }
            }
        }
        return hits / (double) (b - a);
    }

    /** Lying bouts begun in [from, to): windows where the cow lies after a window where she did not. */
    int lyingBouts(Instant from, Instant to) {
        int n = 0;
        for (int w = Math.max(1, at(from)); w < at(to); w++) {
            if (behaviour[w].isLying() && !behaviour[w - 1].isLying()) {
                n++;
            }
        }
        return n;
    }
}
