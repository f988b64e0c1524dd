package io.herdgate.gateway.routing;

import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.config.ConfigProblem;
import io.herdgate.rules.config.GroupName;
import io.herdgate.rules.config.Position;
import io.herdgate.rules.config.YamlNode;
import io.herdgate.rules.config.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code contacts.yaml}. Every error is collected (not only the first) and reported as
 * {@code file:line:column: field: problem, allowed values}. Shape:
 *
 * <pre>
 * contacts:
 *   - id: anna                      # letters, digits, . _ -
 *     name: Anna Huber
 *     phone: "+4915112345678"       # E.164
 *     language: de                  # BCP 47
 *     role: farmer                  # farmer | herdsman | vet
 *     opt-in: {at: 2026-03-01, how: signed form at installation}
 *     quiet-hours: {from: "22:00", to: "06:00", zone: Europe/Berlin}   # optional
 * routes:                           # first match wins
 *   - name: cow-down
 *     types: [no_motion, calving]   # optional, default any
 *     severity: critical            # at least; optional, default info
 *     groups: [lactating]           # optional, default any
 *     chain:                        # at least one step
 *       - contact: anna
 *       - {contact: bob, after: 15m}
 *       - {contact: vet-mueller, after: 30m}
 *     repeat: 10m                   # optional: repeat to the whole chain until acknowledged
 *     max-repeats: 6                # default 6 when repeat is given
 * grouping: {window: 10m}           # default 10m; 0 sends each alarm alone
 * flap-damping: {max-raises: 3, window: 6h, hold: 30m}
 * critical-types: [calving, no_motion]   # routed as critical whatever the detector says
 * inhibit-grace: 15m
 * </pre>
 * Durations are {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT15M}).
 */
public final class ContactsFile {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(s|m|min|h|d)");
    private static final Duration DEFAULT_GROUP_WINDOW = Duration.ofMinutes(10);
    private static final Duration DEFAULT_INHIBIT_GRACE = Duration.ofMinutes(15);
    private static final int DEFAULT_MAX_REPEATS = 6;

    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private ContactsFile(String file) {
        this.file = file;
    }

    /**
     * Reads and checks the file.
     *
     * @throws ContactsFileException listing every problem, when there is any (also when unreadable)
     */
    public static RoutingConfig load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContactsFileException(List.of(ConfigProblem.of(path.toString(), Position.of(1, 1), "",
                    "cannot be read: " + e.getMessage())));
        }
        return parse(text, path.toString());
    }

    /** Parses {@code text}; {@code file} names it in errors. */
    public static RoutingConfig parse(String text, String file) {
        return new ContactsFile(file).read(text);
    }

    private RoutingConfig read(String text) {
        YamlReader.Result r = YamlReader.read(text, file);
        problems.addAll(r.problems());
        if (r.document().isEmpty()) {
            throw new ContactsFileException(problems);
        }
        Optional<YamlNode.Mapping> root = mapping(r.document().get(), "");
        if (root.isEmpty()) {
            throw new ContactsFileException(problems);
        }
        YamlNode.Mapping doc = root.get();
        known(doc, "", Set.of("contacts", "routes", "grouping", "flap-damping", "critical-types", "inhibit-grace"));
        Map<ContactId, Contact> contacts = new LinkedHashMap<>();
        Map<ContactId, Position> contactAt = new LinkedHashMap<>();
        Set<ContactId> named = new LinkedHashSet<>();
        List<YamlNode> contactNodes = list(doc, "contacts", "", true);
        if (contactNodes.isEmpty() && doc.entry("contacts").isPresent()) {
            problem(doc.entry("contacts").get().value().at(), "contacts", "at least one contact is needed");
        }
        for (int i = 0; i < contactNodes.size(); i++) {
            String path = "contacts[" + i + "]";
            YamlNode node = contactNodes.get(i);
            contact(node, path, named).ifPresent(c -> {
                if (contactAt.containsKey(c.id())) {
                    problem(node.at(), path + ".id", "contact '" + c.id() + "' is given twice (first at line "
                            + contactAt.get(c.id()).line() + ")");
                } else {
                    contacts.put(c.id(), c);
                    contactAt.put(c.id(), node.at());
                }
            });
        }
        List<Route> routes = new ArrayList<>();
        List<YamlNode> routeNodes = list(doc, "routes", "", true);
        if (routeNodes.isEmpty() && doc.entry("routes").isPresent()) {
            problem(doc.entry("routes").get().value().at(), "routes", "at least one route is needed");
        }
        Set<RouteName> routeNames = new LinkedHashSet<>();
        for (int i = 0; i < routeNodes.size(); i++) {
            String path = "routes[" + i + "]";
            YamlNode node = routeNodes.get(i);
            route(node, path, contacts, named).ifPresent(route -> {
                if (!routeNames.add(route.name())) {
                    problem(node.at(), path + ".name", "route '" + route.name() + "' is given twice");
                } else {
                    routes.add(route);
                }
            });
        }
        Duration window = sub(doc, "grouping", "").flatMap(g -> {
            known(g, "grouping", Set.of("window"));
            return duration(g, "window", "grouping", Duration.ZERO, Duration.ofHours(1));
        }).orElse(DEFAULT_GROUP_WINDOW);
        FlapDamping flap = sub(doc, "flap-damping", "").map(this::flap).orElse(FlapDamping.defaults());
        Set<AlarmType> critical = doc.entry("critical-types").isPresent()
                ? names(doc, "critical-types", "", n -> AlarmType.fromJsonName(n), AlarmType.allowedNames())
                : RoutingConfig.DEFAULT_CRITICAL;
        Duration grace = duration(doc, "inhibit-grace", "", Duration.ZERO, Duration.ofHours(6)).orElse(DEFAULT_INHIBIT_GRACE);
        if (!problems.isEmpty()) {
            throw new ContactsFileException(problems);
        }
        return RoutingConfig.of(contacts, routes, window, flap, critical, grace);
    }

    /** Reads one contact; {@code named} collects every id given, also of contacts with errors. */
    private Optional<Contact> contact(YamlNode node, String path, Set<ContactId> named) {
        Optional<YamlNode.Mapping> m = mapping(node, path);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        YamlNode.Mapping c = m.get();
        known(c, path, Set.of("id", "name", "phone", "language", "role", "opt-in", "quiet-hours"));
        Optional<ContactId> id = value(c, "id", path, ContactId::of);
        id.ifPresent(named::add);
        Optional<String> name = text(c, "name", path, true);
        Optional<PhoneNumber> phone = value(c, "phone", path, PhoneNumber::of);
        Optional<Locale> language = value(c, "language", path, ContactsFile::language);
        Optional<Role> role = text(c, "role", path, true).flatMap(s -> {
            Optional<Role> r = Role.fromYamlName(s);
            if (r.isEmpty()) {
                problem(c.entry("role").get().value().at(), path + ".role", "unknown role '" + s + "', allowed: "
                        + Role.allowedNames());
            }
            return r;
        });
        Optional<OptIn> optIn = required(c, "opt-in", path).flatMap(n -> optIn(n, path + ".opt-in"));
        Optional<QuietHours> quiet = sub(c, "quiet-hours", path).flatMap(q -> quietHours(q, path + ".quiet-hours"));
        if (id.isEmpty() || name.isEmpty() || phone.isEmpty() || language.isEmpty() || role.isEmpty() || optIn.isEmpty()
                || (c.entry("quiet-hours").isPresent() && quiet.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(Contact.of(id.get(), name.get(), phone.get(), language.get(), role.get(), optIn.get(), quiet));
    }

    private Optional<OptIn> optIn(YamlNode node, String path) {
        return mapping(node, path).flatMap(m -> {
            known(m, path, Set.of("at", "how"));
            Optional<Instant> at = value(m, "at", path, ContactsFile::instant);
            Optional<String> how = text(m, "how", path, true);
            return at.isPresent() && how.isPresent() ? Optional.of(OptIn.of(at.get(), how.get())) : Optional.empty();
        });
    }

    private Optional<QuietHours> quietHours(YamlNode.Mapping m, String path) {
        known(m, path, Set.of("from", "to", "zone"));
        Optional<LocalTime> from = value(m, "from", path, ContactsFile::time);
        Optional<LocalTime> to = value(m, "to", path, ContactsFile::time);
        Optional<ZoneId> zone = value(m, "zone", path, ZoneId::of);
        if (from.isEmpty() || to.isEmpty() || zone.isEmpty()) {
            return Optional.empty();
        }
        if (from.get().equals(to.get())) {
            problem(m.at(), path, "from and to are both " + from.get() + "; quiet hours need a span");
            return Optional.empty();
        }
        return Optional.of(QuietHours.of(from.get(), to.get(), zone.get()));
    }

    /** Reads one route; a chain naming a contact that has errors of its own adds no further problem. */
    private Optional<Route> route(YamlNode node, String path, Map<ContactId, Contact> contacts, Set<ContactId> named) {
        Optional<YamlNode.Mapping> m = mapping(node, path);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        YamlNode.Mapping r = m.get();
        known(r, path, Set.of("name", "types", "severity", "groups", "chain", "repeat", "max-repeats"));
        Optional<RouteName> name = value(r, "name", path, RouteName::of);
        Set<AlarmType> types = names(r, "types", path, AlarmType::fromJsonName, AlarmType.allowedNames());
        Severity severity = text(r, "severity", path, false).flatMap(s -> {
            Optional<Severity> sev = Severity.fromJsonName(s);
            if (sev.isEmpty()) {
                problem(r.entry("severity").get().value().at(), path + ".severity", "unknown severity '" + s
                        + "', allowed: " + Severity.allowedNames());
            }
            return sev;
        }).orElse(Severity.INFO);
        Set<GroupName> groups = names(r, "groups", path,
                s -> GroupName.isValid(s) ? Optional.of(GroupName.of(s)) : Optional.empty(),
                "1..64 letters, digits, '_' or '-'");
        List<EscalationStep> chain = new ArrayList<>();
        List<YamlNode> steps = list(r, "chain", path, true);
        boolean chainOk = !steps.isEmpty();
        if (steps.isEmpty() && r.entry("chain").isPresent()) {
            problem(r.entry("chain").get().value().at(), path + ".chain", "at least one step is needed");
        }
        for (int i = 0; i < steps.size(); i++) {
            String sp = path + ".chain[" + i + "]";
            Optional<EscalationStep> step = mapping(steps.get(i), sp).flatMap(s -> {
                known(s, sp, Set.of("contact", "after"));
                Optional<ContactId> contact = value(s, "contact", sp, ContactId::of);
                contact.filter(id -> !named.contains(id)).ifPresent(id -> problem(s.entry("contact").get().value().at(),
                        sp + ".contact", "unknown contact '" + id + "', known: " + String.join(", ",
                                contacts.keySet().stream().map(ContactId::value).toList())));
                Duration after = duration(s, "after", sp, Duration.ZERO, Duration.ofDays(2)).orElse(Duration.ZERO);
                return contact.filter(contacts::containsKey).map(id -> EscalationStep.of(id, after));
            });
            step.ifPresentOrElse(chain::add, () -> { });
            chainOk &= step.isPresent();
        }
        Optional<Duration> repeat = duration(r, "repeat", path, Duration.ofMinutes(1), Duration.ofDays(1));
        int maxRepeats = integer(r, "max-repeats", path, 0, 100).orElse(repeat.isPresent() ? DEFAULT_MAX_REPEATS : 0);
        if (name.isEmpty() || !chainOk) {
            return Optional.empty();
        }
        return Optional.of(Route.of(name.get(), types, severity, groups, chain, repeat, maxRepeats));
    }

    private FlapDamping flap(YamlNode.Mapping m) {
        String path = "flap-damping";
        known(m, path, Set.of("max-raises", "window", "hold"));
        FlapDamping d = FlapDamping.defaults();
        return FlapDamping.of(integer(m, "max-raises", path, 1, 100).orElse(d.maxRaises()),
                duration(m, "window", path, Duration.ofMinutes(1), Duration.ofDays(7)).orElse(d.window()),
                duration(m, "hold", path, Duration.ZERO, Duration.ofDays(1)).orElse(d.hold()));
    }

    // --- field readers: each reports its own problem and returns empty on error ---

    private Optional<YamlNode.Mapping> mapping(YamlNode n, String path) {
        if (n instanceof YamlNode.Mapping m) {
            return Optional.of(m);
        }
        problem(n.at(), path, "expected a mapping, found " + n.describe());
        return Optional.empty();
    }

    private Optional<YamlNode.Mapping> sub(YamlNode.Mapping m, String key, String path) {
        return m.entry(key).flatMap(e -> mapping(e.value(), join(path, key)));
    }

    private Optional<YamlNode> required(YamlNode.Mapping m, String key, String path) {
        Optional<YamlNode.Entry> e = m.entry(key);
        if (e.isEmpty() || e.get().value() instanceof YamlNode.Empty) {
            problem(e.map(YamlNode.Entry::keyAt).orElse(m.at()), join(path, key), "is required");
            return Optional.empty();
        }
        return Optional.of(e.get().value());
    }

    private Optional<String> text(YamlNode.Mapping m, String key, String path, boolean needed) {
        Optional<YamlNode.Entry> e = m.entry(key);
        if (e.isEmpty() || e.get().value() instanceof YamlNode.Empty) {
            if (needed) {
                problem(e.map(YamlNode.Entry::keyAt).orElse(m.at()), join(path, key), "is required");
            }
            return Optional.empty();
        }
        if (e.get().value() instanceof YamlNode.Scalar s) {
            return Optional.of(s.text());
        }
        problem(e.get().value().at(), join(path, key), "expected a single value, found " + e.get().value().describe());
        return Optional.empty();
    }

    /** A required scalar converted by {@code parse}; its IllegalArgumentException/DateTimeException is the problem. */
    private <T> Optional<T> value(YamlNode.Mapping m, String key, String path, Function<String, T> parse) {
        return text(m, key, path, true).flatMap(s -> {
            try {
                return Optional.of(parse.apply(s));
            } catch (IllegalArgumentException | DateTimeException e) {
                problem(m.entry(key).get().value().at(), join(path, key), e.getMessage());
                return Optional.empty();
            }
        });
    }

    private Optional<Duration> duration(YamlNode.Mapping m, String key, String path, Duration min, Duration max) {
        return text(m, key, path, false).flatMap(s -> {
            Position at = m.entry(key).get().value().at();
            Optional<Duration> d = parseDuration(s);
            if (d.isEmpty()) {
                problem(at, join(path, key), "'" + s + "' is not a duration; use e.g. 90s, 15m, 2h, 1d or PT15M");
            } else if (d.get().compareTo(min) < 0 || d.get().compareTo(max) > 0) {
                problem(at, join(path, key), s + " is outside " + min + ".." + max);
                return Optional.empty();
            }
            return d;
        });
    }

    private Optional<Integer> integer(YamlNode.Mapping m, String key, String path, int min, int max) {
        return text(m, key, path, false).flatMap(s -> {
            Position at = m.entry(key).get().value().at();
            try {
                int v = Integer.parseInt(s);
                if (v >= min && v <= max) {
                    return Optional.of(v);
                }
                problem(at, join(path, key), v + " is outside " + min + ".." + max);
            } catch (NumberFormatException e) {
                problem(at, join(path, key), "'" + s + "' is not a whole number");
            }
            return Optional.empty();
        });
    }

    private List<YamlNode> list(YamlNode.Mapping m, String key, String path, boolean needed) {
        Optional<YamlNode.Entry> e = m.entry(key);
        if (e.isEmpty()) {
            if (needed) {
                problem(m.at(), join(path, key), "is required");
            }
            return List.of();
        }
        if (e.get().value() instanceof YamlNode.Sequence s) {
            return s.items();
        }
        problem(e.get().value().at(), join(path, key), "expected a list, found " + e.get().value().describe());
        return List.of();
    }

    private <T> Set<T> names(YamlNode.Mapping m, String key, String path, Function<String, Optional<T>> parse,
                             String allowed) {
        Set<T> out = new LinkedHashSet<>();
        List<YamlNode> items = list(m, key, path, false);
        for (int i = 0; i < items.size(); i++) {
            YamlNode n = items.get(i);
            String p = join(path, key) + "[" + i + "]";
            if (n instanceof YamlNode.Scalar s) {
                parse.apply(s.text()).ifPresentOrElse(out::add,
                        () -> problem(n.at(), p, "unknown value '" + s.text() + "', allowed: " + allowed));
            } else {
                problem(n.at(), p, "expected a single value, found " + n.describe());
            }
        }
        return out;
    }

    private void known(YamlNode.Mapping m, String path, Set<String> allowed) {
        for (YamlNode.Entry e : m.entries()) {
            if (!allowed.contains(e.key())) {
                problem(e.keyAt(), join(path, e.key()), "unknown field, allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private void problem(Position at, String path, String message) {
        problems.add(ConfigProblem.of(file, at, path, message));
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** {@code 90s}, {@code 15m}/{@code 15min}, {@code 2h}, {@code 1d} or ISO-8601. */
    static Optional<Duration> parseDuration(String text) {
        Matcher m = SHORT_DURATION.matcher(text.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        try {
            return Optional.of(Duration.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Locale language(String tag) {
        Locale l;
        try {
            l = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            l = Locale.ROOT;
        }
        if (l.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("'" + tag + "' is not a language tag; use e.g. de, en, pt-BR");
        }
        return l;
    }

    private static LocalTime time(String s) {
        try {
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s + "' is not a time of day; use HH:mm, e.g. 22:00");
        }
    }

    /** An instant, or a date (midnight UTC). */
    private static Instant instant(String s) {
        try {
            return s.length() <= 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s + "' is not a date or instant; use 2026-03-01 or 2026-03-01T10:00:00Z");
        }
    }
}
