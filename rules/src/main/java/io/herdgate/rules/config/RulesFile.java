package io.herdgate.rules.config;

import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.params.InvalidParameterException;
import io.herdgate.rules.params.Parameter;
import io.herdgate.rules.params.ParameterCatalog;
import io.herdgate.rules.series.CowId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads and validates a rules file:
 * <pre>
 * version: 1
 * herd:                 # every cow
 *   heat:
 *     rise_pct: 70
 * groups:               # cows of a group (the group comes from the herd data or the cow's entry)
 *   heifers:
 *     heat: { rise_pct: 90 }
 * cows:                 # single cows, by id as text
 *   "7161":
 *     group: heifers
 *     illness: { enabled: false }
 * </pre>
 * Every problem is reported, each with line:column, the field path, the value and what is allowed:
 * syntax errors, duplicate and unknown keys (with the closest allowed key), wrong types, values out of
 * range, undefined groups, and combinations the detectors refuse (checked for the herd, each group and
 * each cow with every group she may be in).
 */
public final class RulesFile {

    /** The shipped defaults, a commented file listing every parameter at its default. */
    public static final String DEFAULT_RESOURCE = "default-rules.yaml";

    private static final List<String> TOP_KEYS = List.of("version", "herd", "groups", "cows");

    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private RulesFile(String source) {
        this.source = source;
    }

    /** Reads and checks {@code file}; an unreadable file is one problem at 1:1. */
    public static RulesCheck read(Path file) {
        String name = file.toString();
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            return new RulesCheck.Invalid(List.of(ConfigProblem.of(name, Position.of(1, 1), "",
                    "cannot be read: " + e.getClass().getSimpleName() + " " + e.getMessage())));
        }
    }

    /** The text of the shipped {@value #DEFAULT_RESOURCE}. */
    public static String defaultText() {
        try (InputStream in = RulesFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks rules text; {@code source} names it in messages. */
    public static RulesCheck parse(String text, String source) {
        RulesFile f = new RulesFile(source);
        YamlReader.Result yaml = YamlReader.read(text, source);
        f.problems.addAll(yaml.problems());
        RulesConfig config = yaml.document().map(f::document).orElse(RulesConfig.defaults());
        if (f.problems.isEmpty()) {
            f.checkCombinations(config);
        }
        if (!f.problems.isEmpty()) {
            List<ConfigProblem> sorted = new ArrayList<>(new LinkedHashSet<>(f.problems));
            sorted.sort(Comparator.comparingInt((ConfigProblem p) -> p.at().line()).thenComparingInt(p -> p.at().column()));
            return new RulesCheck.Invalid(sorted);
        }
        return new RulesCheck.Valid(config);
    }

    private RulesConfig document(YamlNode doc) {
        if (doc instanceof YamlNode.Empty) {
            return RulesConfig.of(source, Overrides.none(), Map.of(), Map.of());
        }
        if (!(doc instanceof YamlNode.Mapping top)) {
            problem(doc.at(), "", "the file must be a mapping with the keys " + String.join(", ", TOP_KEYS)
                    + "; found " + doc.describe());
            return RulesConfig.defaults();
        }
        Overrides herd = Overrides.none();
        Map<GroupName, Overrides> groups = new TreeMap<>();
        Map<GroupName, Position> groupAt = new LinkedHashMap<>();
        Map<CowId, CowRules> cows = new TreeMap<>();
        Map<CowId, Position> groupRefAt = new LinkedHashMap<>();
        for (YamlNode.Entry e : top.entries()) {
            switch (e.key()) {
                case "version" -> {
                    if (!(e.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NUMBER
                            && s.text().equals("1"))) {
                        problem(e.value().at(), "version", e.value().describe() + " is not a supported version; allowed: 1");
                    }
                }
                case "herd" -> herd = level(e.value(), "herd", false).overrides();
                case "groups" -> mapping(e.value(), "groups").ifPresent(m -> {
                    for (YamlNode.Entry g : m.entries()) {
                        if (!GroupName.isValid(g.key())) {
                            problem(g.keyAt(), "groups." + g.key(), "'" + g.key()
                                    + "' is not a group name; allowed: 1..64 letters, digits, '_' or '-'");
                            continue;
                        }
                        groups.put(GroupName.of(g.key()), level(g.value(), "groups." + g.key(), false).overrides());
                        groupAt.put(GroupName.of(g.key()), g.keyAt());
                    }
                });
                case "cows" -> mapping(e.value(), "cows").ifPresent(m -> {
                    for (YamlNode.Entry c : m.entries()) {
                        CowId cow;
                        try {
                            cow = CowId.of(c.key());
                        } catch (IllegalArgumentException ex) {
                            problem(c.keyAt(), "cows." + c.key(), ex.getMessage());
                            continue;
                        }
                        Level l = level(c.value(), "cows." + c.key(), true);
                        cows.put(cow, CowRules.of(l.group(), l.overrides(), c.keyAt()));
                        l.groupAt().ifPresent(at -> groupRefAt.put(cow, at));
                    }
                });
                default -> unknownKey(e, "", TOP_KEYS);
            }
        }
        for (Map.Entry<CowId, CowRules> c : cows.entrySet()) {
            c.getValue().group().filter(g -> !groups.containsKey(g)).ifPresent(g -> {
                List<String> defined = groups.keySet().stream().map(GroupName::value).toList();
                problem(groupRefAt.get(c.getKey()), "cows." + c.getKey() + ".group", "group '" + g
                        + "' is not defined under groups" + suggestion(g.value(), defined)
                        + "; defined: " + (defined.isEmpty() ? "none" : String.join(", ", defined)));
            });
        }
        return RulesConfig.of(source, herd, groups, cows);
    }

    private record Level(Optional<GroupName> group, Optional<Position> groupAt, Overrides overrides) {
    }

    private Level level(YamlNode node, String path, boolean cow) {
        Optional<YamlNode.Mapping> m = mapping(node, path);
        if (m.isEmpty()) {
            return new Level(Optional.empty(), Optional.empty(), Overrides.none());
        }
        Map<String, Setting> settings = new LinkedHashMap<>();
        Optional<GroupName> group = Optional.empty();
        Optional<Position> groupAt = Optional.empty();
        List<String> allowed = new ArrayList<>(sections());
        if (cow) {
            allowed.add(0, "group");
        }
        for (YamlNode.Entry e : m.get().entries()) {
            String p = path + "." + e.key();
            if (cow && e.key().equals("group")) {
                if (e.value() instanceof YamlNode.Scalar s && GroupName.isValid(s.text())) {
                    group = Optional.of(GroupName.of(s.text()));
                    groupAt = Optional.of(s.at());
                } else {
                    problem(e.value().at(), p, e.value().describe() + " is not a group name; allowed: a group defined under groups");
                }
            } else if (sections().contains(e.key())) {
                mapping(e.value(), p).ifPresent(sec -> section(sec, e.key(), p, settings));
            } else {
                unknownKey(e, path, allowed);
            }
        }
        return new Level(group, groupAt, Overrides.of(settings));
    }

    private void section(YamlNode.Mapping sec, String section, String path, Map<String, Setting> out) {
        List<String> names = ParameterCatalog.all().stream().map(Parameter::key)
                .filter(k -> k.startsWith(section + ".")).map(k -> k.substring(section.length() + 1)).toList();
        for (YamlNode.Entry e : sec.entries()) {
            String key = section + "." + e.key();
            Optional<Parameter> param = ParameterCatalog.byKey(key);
            if (param.isEmpty()) {
                unknownKey(e, path, names);
                continue;
            }
            setting(param.get(), e.value(), path + "." + e.key()).ifPresent(s -> out.put(key, s));
        }
    }

    private Optional<Setting> setting(Parameter param, YamlNode value, String path) {
        if (!(value instanceof YamlNode.Scalar s)) {
            problem(value.at(), path, (value instanceof YamlNode.Empty ? "needs a value" : value.describe() + " is not allowed")
                    + "; allowed: " + param.allowed());
            return Optional.empty();
        }
        // Java 17: no pattern switch yet, so an instanceof chain over the sealed Parameter
        if (param instanceof Parameter.Number n) {
                if (s.kind() != YamlNode.Kind.NUMBER) {
                    problem(s.at(), path, s.describe() + " is not a number; allowed: " + n.allowed());
                    return Optional.empty();
                }
                double v = Double.parseDouble(s.text());
                if (!(v >= n.min() && v <= n.max())) {
                    problem(s.at(), path, s.text() + " is outside " + fmt(n.min()) + ".." + fmt(n.max())
                            + (n.unit().isEmpty() ? "" : " (" + n.unit() + ")"));
                    return Optional.empty();
                }
                if (n.integer() && v != Math.rint(v)) {
                    problem(s.at(), path, s.text() + " is not a whole number; allowed: " + n.allowed());
                    return Optional.empty();
                }
                return Optional.of(new Setting.Num(n, v, s.at()));
        } else if (param instanceof Parameter.Flag f) {
                if (s.kind() != YamlNode.Kind.BOOLEAN) {
                    problem(s.at(), path, s.describe() + " is not allowed; allowed: " + f.allowed());
                    return Optional.empty();
                }
                return Optional.of(new Setting.Toggle(f, Boolean.parseBoolean(s.text()), s.at()));
        } else {
            Parameter.SeverityChoice c = (Parameter.SeverityChoice) param;
                Optional<Severity> sev = s.kind() == YamlNode.Kind.STRING ? Severity.fromJsonName(s.text()) : Optional.empty();
                if (sev.isEmpty()) {
                    problem(s.at(), path, s.describe() + " is not a severity; allowed: " + c.allowed());
                    return Optional.empty();
                }
                return Optional.of(new Setting.Choice(c, sev.get(), s.at()));
        }
    }

    /** Resolves the herd, each group and each cow (with each group she may belong to) to find refused combinations. */
    private void checkCombinations(RulesConfig config) {
        check(List.of(config.herd()), "herd", Optional.empty());
        config.groups().forEach((g, o) -> check(List.of(o, config.herd()), "groups." + g, Optional.empty()));
        config.cows().forEach((cow, r) -> {
            String path = "cows." + cow;
            if (r.group().isPresent()) {
                checkCow(r.overrides(), List.of(config.groups().get(r.group().get()), config.herd()), path, Optional.empty());
            } else {
                checkCow(r.overrides(), List.of(config.herd()), path, Optional.empty());
                config.groups().forEach((g, o) -> checkCow(r.overrides(), List.of(o, config.herd()), path, Optional.of(g)));
            }
        });
    }

    /** A cow's own settings over {@code above}; a refusal already reported for {@code above} alone is not repeated. */
    private void checkCow(Overrides cow, List<Overrides> above, String path, Optional<GroupName> group) {
        try {
            RuleSetAssembler.assemble(above);
        } catch (InvalidParameterException ex) {
            return;
        }
        List<Overrides> chain = new ArrayList<>();
        chain.add(cow);
        chain.addAll(above);
        check(chain, path, group);
    }

    private void check(List<Overrides> chain, String path, Optional<GroupName> herdGroup) {
        try {
            RuleSetAssembler.assemble(chain);
        } catch (InvalidParameterException ex) {
            Optional<Setting> where = chain.stream().map(o -> o.settings().get(ex.key()))
                    .filter(java.util.Objects::nonNull).findFirst();
            Position at = chain.stream().flatMap(o -> o.settings().values().stream()).map(Setting::at)
                    .min(Comparator.comparingInt(Position::line)).orElse(Position.of(1, 1));
            problem(where.map(Setting::at).orElse(at), path + "." + ex.key(),
                    where.map(Setting::text).orElse(ex.value()) + " is not allowed"
                            + herdGroup.map(g -> " for a cow of group " + g).orElse("")
                            + "; allowed: " + ex.allowed());
        }
    }

    private Optional<YamlNode.Mapping> mapping(YamlNode node, String path) {
        if (node instanceof YamlNode.Mapping m) {
            return Optional.of(m);
        }
        if (!(node instanceof YamlNode.Empty)) {
            problem(node.at(), path, node.describe() + " is not allowed here; allowed: a mapping of keys");
        }
        return Optional.empty();
    }

    private void unknownKey(YamlNode.Entry e, String path, List<String> allowed) {
        String p = path.isEmpty() ? e.key() : path + "." + e.key();
        problem(e.keyAt(), p, "unknown key '" + e.key() + "'" + suggestion(e.key(), allowed)
                + "; allowed: " + String.join(", ", allowed));
    }

    private static String suggestion(String word, List<String> allowed) {
        return Suggestions.closest(word, allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    private static List<String> sections() {
        return ParameterCatalog.all().stream().map(p -> p.key().substring(0, p.key().indexOf('.'))).distinct().toList();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private void problem(Position at, String path, String message) {
        problems.add(ConfigProblem.of(source, at, path, message));
    }
}
