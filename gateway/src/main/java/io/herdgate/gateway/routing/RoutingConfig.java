package io.herdgate.gateway.routing;

import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.config.GroupName;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The routing configuration ({@code contacts.yaml}): contacts, routes in order (the first match wins),
 * grouping, flap damping, which alarm types count as critical for routing, and inhibition.
 *
 * @param contacts      by id, in file order; immutable
 * @param routes        in file order
 * @param groupWindow   non-critical alarms of one type and route raised within this window of the first go out
 *                      as one message listing the cows; zero sends each alone. 0..1 h
 * @param flapDamping   when a repeatedly raised alarm is held back
 * @param criticalTypes alarm types routed as critical whatever the detector's severity (calving and cow
 *                      down by default): they ignore quiet hours, grouping and flap damping
 * @param inhibitGrace  per-collar offline alarms stay inhibited this long after the gateway-wide cause
 *                      (dongle unplugged, gateway offline) has ended, so collars can report again; 0..6 h
 */
public record RoutingConfig(Map<ContactId, Contact> contacts, List<Route> routes, Duration groupWindow,
                            FlapDamping flapDamping, Set<AlarmType> criticalTypes, Duration inhibitGrace) {

    public static final Set<AlarmType> DEFAULT_CRITICAL = Set.of(AlarmType.CALVING, AlarmType.NO_MOTION);

    public RoutingConfig {
        contacts = Collections.unmodifiableMap(new LinkedHashMap<>(contacts));
        routes = List.copyOf(routes);
        criticalTypes = Set.copyOf(criticalTypes);
        Objects.requireNonNull(groupWindow, "groupWindow");
        Objects.requireNonNull(flapDamping, "flapDamping");
        Objects.requireNonNull(inhibitGrace, "inhibitGrace");
        if (groupWindow.isNegative() || groupWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("grouping window must be 0..1 h: " + groupWindow);
        }
        if (inhibitGrace.isNegative() || inhibitGrace.compareTo(Duration.ofHours(6)) > 0) {
            throw new IllegalArgumentException("inhibit grace must be 0..6 h: " + inhibitGrace);
        }
        for (Route r : routes) {
            for (EscalationStep s : r.chain()) {
                if (!contacts.containsKey(s.contact())) {
                    throw new IllegalArgumentException("route " + r.name() + " names unknown contact '" + s.contact() + "'");
                }
            }
        }
    }

    public static RoutingConfig of(Map<ContactId, Contact> contacts, List<Route> routes, Duration groupWindow,
                                   FlapDamping flapDamping, Set<AlarmType> criticalTypes, Duration inhibitGrace) {
        return new RoutingConfig(contacts, routes, groupWindow, flapDamping, criticalTypes, inhibitGrace);
    }

    /** The severity an alarm is routed with: critical for {@link #criticalTypes()}, else as detected. */
    public Severity severityOf(AlarmType type, Severity detected) {
        return criticalTypes.contains(type) ? Severity.CRITICAL : detected;
    }

    /** The first route matching, if any. */
    public Optional<Route> routeFor(AlarmType type, Severity routingSeverity, Optional<GroupName> group) {
        return routes.stream().filter(r -> r.matches(type, routingSeverity, group)).findFirst();
    }

    public Optional<Route> route(RouteName name) {
        return routes.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public Optional<Contact> contact(ContactId id) {
        return Optional.ofNullable(contacts.get(id));
    }

    /** The contact with this phone number, if any. */
    public Optional<Contact> contactWith(PhoneNumber phone) {
        return contacts.values().stream().filter(c -> c.phone().equals(phone)).findFirst();
    }
}
