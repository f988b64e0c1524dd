package io.herdgate.gateway.config;

import io.herdgate.rules.config.ConfigProblem;
import io.herdgate.rules.config.Position;
import io.herdgate.rules.config.Suggestions;
import io.herdgate.rules.config.YamlNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of the configuration being read. Each getter names the key it reads (so that unknown
 * keys can be reported by {@link #finish()}), returns the default when the key is absent, and records a
 * problem and returns the default when the value is wrong: the rest of the file is still checked.
 */
final class YamlSection {

    private final String file;
    private final String path;
    private final Position at;
    private final List<YamlNode.Entry> entries;
    private final Path baseDir;
    private final List<ConfigProblem> problems;
    private final Set<String> keys = new LinkedHashSet<>();

    private YamlSection(String file, String path, Position at, List<YamlNode.Entry> entries, Path baseDir,
                        List<ConfigProblem> problems) {
        this.file = file;
        this.path = path;
        this.at = at;
        this.entries = entries;
        this.baseDir = baseDir;
        this.problems = problems;
    }

    /** The document's top level; an empty document is an empty mapping (every default). */
    static YamlSection root(String file, YamlNode doc, Path baseDir, List<ConfigProblem> problems) {
        YamlSection s = new YamlSection(file, "", doc.at(), List.of(), baseDir, problems);
        return s.mapping(doc, "").orElse(s);
    }

    private Optional<YamlSection> mapping(YamlNode node, String p) {
        if (node instanceof YamlNode.Mapping m) {
            return Optional.of(new YamlSection(file, p, m.at(), m.entries(), baseDir, problems));
        }
        if (node instanceof YamlNode.Empty e) {
            return Optional.of(new YamlSection(file, p, e.at(), List.of(), baseDir, problems));
        }
        problem(node.at(), p, node.describe() + " is not allowed here; allowed: a mapping of keys");
        return Optional.empty();
    }

    /** Where this mapping starts. */
    Position at() {
        return at;
    }

    /** The nested mapping under {@code key}; empty when absent or not a mapping (a problem then). */
    Optional<YamlSection> section(String key) {
        keys.add(key);
        // "serial:" with nothing under it is the section with every default, not an absent one
        return entries.stream().filter(e -> e.key().equals(key)).findFirst()
                .flatMap(e -> mapping(e.value(), child(key)));
    }

    /** Whether the key is present with a value. */
    boolean has(String key) {
        return node(key).isPresent();
    }

    String text(String key, String fallback) {
        return optionalText(key).orElse(fallback);
    }

    Optional<String> optionalText(String key) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof YamlNode.Scalar s) {
            return Optional.of(s.text());
        }
        problem(n.get().at(), child(key), n.get().describe() + " is not allowed; allowed: a text");
        return Optional.empty();
    }

    /** A whole number in {@code min..max}; {@code unit} completes the allowed range ("s", "days" ...). */
    int integer(String key, int fallback, int min, int max, String unit) {
        Optional<YamlNode> n = node(key);
        String allowed = "; allowed: " + min + ".." + max + (unit.isEmpty() ? "" : " (" + unit + ")");
        if (n.isEmpty()) {
            return fallback;
        }
        if (!(n.get() instanceof YamlNode.Scalar s) || s.kind() != YamlNode.Kind.NUMBER) {
            problem(n.get().at(), child(key), n.get().describe() + " is not a number" + allowed);
            return fallback;
        }
        long v;
        try {
            v = Long.parseLong(s.text());
        } catch (NumberFormatException e) {
            problem(s.at(), child(key), s.text() + " is not a whole number" + allowed);
            return fallback;
        }
        if (v < min || v > max) {
            problem(s.at(), child(key), v + " is out of range" + allowed);
            return fallback;
        }
        return (int) v;
    }

    boolean flag(String key, boolean fallback) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return fallback;
        }
        if (n.get() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        problem(n.get().at(), child(key), n.get().describe() + " is not allowed; allowed: true, false");
        return fallback;
    }

    /** One of {@code allowed}, compared ignoring case; returned in the allowed spelling. */
    String oneOf(String key, String fallback, List<String> allowed) {
        Optional<String> t = optionalText(key);
        if (t.isEmpty()) {
            return fallback;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(t.get())) {
                return a;
            }
        }
        problem(node(key).orElseThrow().at(), child(key), "'" + t.get() + "' is not allowed"
                + suggestion(t.get().toLowerCase(java.util.Locale.ROOT), allowed) + "; allowed: " + String.join(", ", allowed));
        return fallback;
    }

    /** A file path; a relative one is taken relative to the configuration file's folder. */
    Optional<Path> path(String key) {
        Optional<String> t = optionalText(key);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(baseDir.resolve(t.get()).normalize());
        } catch (InvalidPathException e) {
            problem(node(key).orElseThrow().at(), child(key), "'" + t.get() + "' is not a valid path; allowed: a file path");
            return Optional.empty();
        }
    }

    /** {@code text} (a path written in this file) resolved against the configuration file's folder. */
    Path resolve(String text) {
        return baseDir.resolve(text).normalize();
    }

    Path path(String key, Path fallback) {
        return path(key).orElse(fallback);
    }

    /** A local time written {@code HH:MM} (24-hour). */
    LocalTime time(String key, LocalTime fallback) {
        return optionalTime(key).orElse(fallback);
    }

    Optional<LocalTime> optionalTime(String key) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof YamlNode.Scalar s && s.text().matches("\\d{1,2}:\\d{2}")) {
            try {
                return Optional.of(LocalTime.parse(s.text().length() == 4 ? "0" + s.text() : s.text()));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problem(n.get().at(), child(key), n.get().describe() + " is not a time of day; allowed: HH:MM from 00:00 to 23:59");
        return Optional.empty();
    }

    ZoneId zone(String key, ZoneId fallback) {
        Optional<String> t = optionalText(key);
        if (t.isEmpty()) {
            return fallback;
        }
        try {
            return ZoneId.of(t.get());
        } catch (DateTimeException e) {
            problem(node(key).orElseThrow().at(), child(key), "'" + t.get() + "' is not a time zone"
                    + suggestion(t.get(), ZoneId.getAvailableZoneIds()) + "; allowed: a region id such as Europe/Berlin or UTC");
            return fallback;
        }
    }

    /** A URI whose scheme is one of {@code schemes} and which names a host. */
    URI uri(String key, URI fallback, List<String> schemes) {
        Optional<String> t = optionalText(key);
        if (t.isEmpty()) {
            return fallback;
        }
        String allowed = "; allowed: " + String.join(", ", schemes.stream().map(s -> s + "://HOST[:PORT]").toList());
        try {
            URI u = new URI(t.get());
            if (u.getScheme() == null || !schemes.contains(u.getScheme()) || u.getHost() == null) {
                problem(node(key).orElseThrow().at(), child(key), "'" + t.get() + "' is not allowed" + allowed);
                return fallback;
            }
            return u;
        } catch (URISyntaxException e) {
            problem(node(key).orElseThrow().at(), child(key), "'" + t.get() + "' is not a URI" + allowed);
            return fallback;
        }
    }

    /** Records a problem about {@code key} of this mapping (or the mapping itself when absent). */
    void problem(String key, String message) {
        problem(node(key).map(YamlNode::at).orElse(at), child(key), message);
    }

    /** Reports every key no getter asked for, with the closest allowed key. */
    void finish() {
        List<String> allowed = new ArrayList<>(keys);
        for (YamlNode.Entry e : entries) {
            if (!keys.contains(e.key())) {
                problem(e.keyAt(), child(e.key()), "unknown key '" + e.key() + "'" + suggestion(e.key(), allowed)
                        + "; allowed: " + String.join(", ", allowed));
            }
        }
    }

    private Optional<YamlNode> node(String key) {
        keys.add(key);
        for (YamlNode.Entry e : entries) {
            if (e.key().equals(key)) {
                return e.value() instanceof YamlNode.Empty ? Optional.empty() : Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String suggestion(String word, java.util.Collection<String> allowed) {
        return Suggestions.closest(word, allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    private void problem(Position where, String p, String message) {
        problems.add(ConfigProblem.of(file, where, p, message));
    }
}
