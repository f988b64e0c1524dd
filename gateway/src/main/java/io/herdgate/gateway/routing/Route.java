package io.herdgate.gateway.routing;

import io.herdgate.gateway.notify.ContactId;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.config.GroupName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which alarms go to whom, and how they escalate. An alarm matches when its type is in {@code types}
 * (empty: any type), its routing severity is at least {@code minSeverity}, and its cow's group is in
 * {@code groups} (empty: any cow, also cows without a group).
 *
 * <p>Steps of one alarm's message chain, numbered from 0: first the escalation {@code chain}, step
 * {@code i} to {@code chain[i].contact} {@code chain[i].after} after step {@code i-1}; then up to
 * {@code maxRepeats} repeats, {@code repeatEvery} apart, each to every contact of the chain. An
 * acknowledgement ends the chain.
 */
public record Route(RouteName name, Set<AlarmType> types, Severity minSeverity, Set<GroupName> groups,
                    List<EscalationStep> chain, Optional<Duration> repeatEvery, int maxRepeats) {

    public Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(minSeverity, "minSeverity");
        Objects.requireNonNull(repeatEvery, "repeatEvery");
        types = Set.copyOf(types);
        groups = Set.copyOf(groups);
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " needs at least one escalation step");
        }
        if (maxRepeats < 0 || maxRepeats > 100) {
            throw new IllegalArgumentException("route " + name + ": max-repeats must be 0..100: " + maxRepeats);
        }
        if (repeatEvery.isPresent() && repeatEvery.get().compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("route " + name + ": repeat must be at least 1 minute: " + repeatEvery.get());
        }
        if (repeatEvery.isEmpty()) {
            maxRepeats = 0;
        }
    }

    public static Route of(RouteName name, Set<AlarmType> types, Severity minSeverity, Set<GroupName> groups,
                           List<EscalationStep> chain, Optional<Duration> repeatEvery, int maxRepeats) {
        return new Route(name, types, minSeverity, groups, chain, repeatEvery, maxRepeats);
    }

    public boolean matches(AlarmType type, Severity severity, Optional<GroupName> group) {
        return (types.isEmpty() || types.contains(type))
                && severity.compareTo(minSeverity) >= 0
                && (groups.isEmpty() || group.filter(groups::contains).isPresent());
    }

    /** Steps in all: the chain and the repeats. */
    public int steps() {
        return chain.size() + maxRepeats;
    }

    /** How long after step {@code step - 1} (or after the alarm goes out, for step 0) step {@code step} is due. */
    public Duration delayBefore(int step) {
        checkStep(step);
        return step < chain.size() ? chain.get(step).after() : repeatEvery.orElseThrow();
    }

    /** Who step {@code step} goes to, in chain order. */
    public List<ContactId> recipientsOf(int step) {
        checkStep(step);
        if (step < chain.size()) {
            return List.of(chain.get(step).contact());
        }
        List<ContactId> all = new ArrayList<>();
        chain.forEach(s -> {
            if (!all.contains(s.contact())) {
                all.add(s.contact());
            }
        });
        return List.copyOf(all);
    }

    private void checkStep(int step) {
        if (step < 0 || step >= steps()) {
            throw new IllegalArgumentException("route " + name + " has steps 0.." + (steps() - 1) + ": " + step);
        }
    }
}
