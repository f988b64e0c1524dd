package io.herdgate.gateway.metrics;

import java.util.concurrent.atomic.AtomicLong;

/** A value that goes up and down (queue length, temperature). Thread-safe. */
public final class Gauge {

    private final AtomicLong bits = new AtomicLong(Double.doubleToLongBits(0.0));

    Gauge() {
    }

    public void set(double value) {
        bits.set(Double.doubleToLongBits(value));
    }

    public void add(double delta) {
        bits.getAndUpdate(b -> Double.doubleToLongBits(Double.longBitsToDouble(b) + delta));
    }

    public double value() {
        return Double.longBitsToDouble(bits.get());
    }
}
