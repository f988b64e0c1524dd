package io.herdgate.gateway.console;

import io.herdgate.gateway.health.LinkStatus;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the console page shows, as suppliers the runtime wires (called on each page view, from an HTTP
 * thread: thread-safe and quick). Unset sources show nothing.
 */
public record ConsoleSources(Supplier<List<ConsoleAlarm>> alarms, Supplier<List<ConsoleCollar>> collars,
                             Supplier<List<LinkStatus>> links) {

    public ConsoleSources {
        Objects.requireNonNull(alarms, "alarms");
        Objects.requireNonNull(collars, "collars");
        Objects.requireNonNull(links, "links");
    }

    public static ConsoleSources of(Supplier<List<ConsoleAlarm>> alarms, Supplier<List<ConsoleCollar>> collars,
                                    Supplier<List<LinkStatus>> links) {
        return new ConsoleSources(alarms, collars, links);
    }

    /** Nothing to show (before the runtime is wired). */
    public static ConsoleSources empty() {
        return of(List::of, List::of, List::of);
    }
}
