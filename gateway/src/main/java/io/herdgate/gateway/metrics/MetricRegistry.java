package io.herdgate.gateway.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The gateway's metrics. Asking twice for the same name and labels returns the same instance, so
 * components can look their metrics up rather than pass them around. Thread-safe.
 */
public final class MetricRegistry {

    private final Map<MetricName, Family<?>> families = new ConcurrentSkipListMap<>();
    private final List<Collector> collectors = new CopyOnWriteArrayList<>();

    public static MetricRegistry create() {
        return new MetricRegistry();
    }

    public Counter counter(String name, String help) {
        return counter(name, help, Labels.NONE);
    }

    /** @throws IllegalArgumentException when {@code name} is already used by another type or help text */
    public Counter counter(String name, String help, Labels labels) {
        return family(name, help, MetricType.COUNTER, List.of(), Counter.class).child(labels, l -> new Counter());
    }

    public Gauge gauge(String name, String help) {
        return gauge(name, help, Labels.NONE);
    }

    public Gauge gauge(String name, String help, Labels labels) {
        return family(name, help, MetricType.GAUGE, List.of(), Gauge.class).child(labels, l -> new Gauge());
    }

    public Histogram histogram(String name, String help, List<Double> upperBounds) {
        return histogram(name, help, Labels.NONE, upperBounds);
    }

    /**
     * @throws IllegalArgumentException also when the name exists with other bucket bounds, or the labels
     *                                  use {@code le} (the bucket label)
     */
    public Histogram histogram(String name, String help, Labels labels, List<Double> upperBounds) {
        if (labels.has("le")) {
            throw new IllegalArgumentException("histogram " + name + ": 'le' is the bucket label and cannot be set");
        }
        return family(name, help, MetricType.HISTOGRAM, upperBounds, Histogram.class)
                .child(labels, l -> new Histogram(upperBounds));
    }

    /** Adds families computed at scrape time. */
    public void register(Collector collector) {
        collectors.add(collector);
    }

    /** Every family, own and collected, sorted by name. */
    public List<MetricFamily> collect() {
        List<MetricFamily> out = new ArrayList<>();
        families.values().forEach(f -> out.add(f.snapshot()));
        collectors.forEach(c -> out.addAll(c.collect()));
        out.sort(Comparator.comparing(MetricFamily::name));
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private <M> Family<M> family(String name, String help, MetricType type, List<Double> bounds, Class<M> kind) {
        MetricName key = MetricName.of(name);
        Family<?> f = families.computeIfAbsent(key, k -> new Family<>(k, help, type, List.copyOf(bounds)));
        if (f.type != type || !f.help.equals(help) || !f.bounds.equals(bounds)) {
            throw new IllegalArgumentException("metric " + name + " is already registered as " + f.type.word()
                    + " with help '" + f.help + "'" + (f.bounds.isEmpty() ? "" : " and buckets " + f.bounds));
        }
        return (Family<M>) f;
    }

    private static final class Family<M> {
        final MetricName name;
        final String help;
        final MetricType type;
        final List<Double> bounds;
        final Map<Labels, M> children = new ConcurrentHashMap<>();

        Family(MetricName name, String help, MetricType type, List<Double> bounds) {
            this.name = name;
            this.help = help;
            this.type = type;
            this.bounds = bounds;
        }

        M child(Labels labels, Function<Labels, M> create) {
            return children.computeIfAbsent(labels, create);
        }

        MetricFamily snapshot() {
            List<Sample> samples = new ArrayList<>();
            children.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(l -> l.values().toString())))
                    .forEach(e -> addSamples(samples, e.getKey(), e.getValue()));
            return MetricFamily.of(name, help, type, samples);
        }

        private void addSamples(List<Sample> out, Labels labels, Object metric) {
            switch (type) {
                case COUNTER -> out.add(Sample.of(name, labels, ((Counter) metric).value()));
                case GAUGE -> out.add(Sample.of(name, labels, ((Gauge) metric).value()));
                case HISTOGRAM -> out.addAll(histogramSamples(name, labels, ((Histogram) metric).snapshot()));
            }
        }
    }

    /** The {@code _bucket}, {@code _sum} and {@code _count} series of one histogram. */
    static List<Sample> histogramSamples(MetricName name, Labels labels, Histogram.Snapshot s) {
        List<Sample> out = new ArrayList<>();
        MetricName bucket = MetricName.of(name.value() + "_bucket");
        for (int i = 0; i < s.upperBounds().length; i++) {
            out.add(Sample.of(bucket, labels.with("le", PrometheusText.number(s.upperBounds()[i])),
                    s.cumulativeCounts()[i]));
        }
        out.add(Sample.of(bucket, labels.with("le", "+Inf"), s.count()));
        out.add(Sample.of(MetricName.of(name.value() + "_sum"), labels, s.sum()));
        out.add(Sample.of(MetricName.of(name.value() + "_count"), labels, s.count()));
        return out;
    }
}
