package io.herdgate.rules.config;

import io.herdgate.rules.params.Parameter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parameters one level of the file (herd, a group or a cow) sets, by catalog key; parameters not
 * set here come from the level above.
 */
public record Overrides(Map<String, Setting> settings) {

    private static final Overrides NONE = new Overrides(Map.of());

    public Overrides {
        settings = Map.copyOf(settings);
    }

    public static Overrides of(Map<String, Setting> settings) {
        return new Overrides(settings);
    }

    public static Overrides none() {
        return NONE;
    }

    public Optional<Setting> get(Parameter p) {
        return Optional.ofNullable(settings.get(p.key()));
    }

    /** Key to value text, sorted by key. */
    public Map<String, String> texts() {
        Map<String, String> out = new TreeMap<>();
        settings.forEach((k, s) -> out.put(k, s.text()));
        return out;
    }
}
