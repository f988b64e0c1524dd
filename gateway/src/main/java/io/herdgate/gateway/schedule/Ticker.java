package io.herdgate.gateway.schedule;

/**
 * A monotonic time source: nanoseconds from an arbitrary origin, never stepped. Only differences mean
 * anything. Production uses {@link System#nanoTime()}; simulations derive it from their own clock.
 */
@FunctionalInterface
public interface Ticker {

    long nanos();

    static Ticker system() {
        return System::nanoTime;
    }
}
