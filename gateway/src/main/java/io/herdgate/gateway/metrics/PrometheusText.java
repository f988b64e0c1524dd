package io.herdgate.gateway.metrics;

import java.util.List;
import java.util.Map;

/**
 * Writes metric families in the Prometheus text exposition format 0.0.4: per family a {@code # HELP}
 * line (backslash and newline escaped), a {@code # TYPE} line, then one line per sample with label
 * values escaped (backslash, double quote, newline). Values are written as integers when whole,
 * otherwise in Java's shortest round-trip form; infinities as {@code +Inf}/{@code -Inf}.
 */
public final class PrometheusText {

    /** The Content-Type a scraper expects. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    public static String write(List<MetricFamily> families) {
        StringBuilder out = new StringBuilder(4096);
        for (MetricFamily f : families) {
            out.append("# HELP ").append(f.name().value()).append(' ').append(escapeHelp(f.help())).append('\n');
            out.append("# TYPE ").append(f.name().value()).append(' ').append(f.type().word()).append('\n');
            for (Sample s : f.samples()) {
                out.append(s.name().value());
                writeLabels(out, s.labels());
                out.append(' ').append(number(s.value())).append('\n');
            }
        }
        return out.toString();
    }

    /** A sample value or bucket bound as the format writes it. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static void writeLabels(StringBuilder out, Labels labels) {
        if (labels.isEmpty()) {
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : labels.values().entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(e.getKey()).append("=\"").append(escapeLabelValue(e.getValue())).append('"');
        }
        out.append('}');
    }

    static String escapeHelp(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String escapeLabelValue(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
