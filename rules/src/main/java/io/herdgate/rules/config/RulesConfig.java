package io.herdgate.rules.config;

import io.herdgate.rules.params.RuleSet;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.CowId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A valid rules file. Each parameter of a cow resolves, independently of the others, from the first
 * level that sets it: her own entry under {@code cows}, then her group under {@code groups}, then
 * {@code herd}, then the shipped default of the catalog. Her group is the one her {@code cows} entry
 * names, else the one the herd data gives; a group the file does not define adds nothing.
 *
 * @param source where it was read from (file name), for messages and the audit
 * @param herd   herd-wide settings
 * @param groups settings per group
 * @param cows   entries per cow
 */
public record RulesConfig(String source, Overrides herd, Map<GroupName, Overrides> groups,
                          Map<CowId, CowRules> cows) {

    public RulesConfig {
        groups = Map.copyOf(groups);
        cows = Map.copyOf(cows);
    }

    public static RulesConfig of(String source, Overrides herd, Map<GroupName, Overrides> groups,
                                 Map<CowId, CowRules> cows) {
        return new RulesConfig(source, herd, groups, cows);
    }

    /** No settings at all: every cow gets the shipped defaults. */
    public static RulesConfig defaults() {
        return new RulesConfig("shipped defaults", Overrides.none(), Map.of(), Map.of());
    }

    /** The group that applies to {@code cow}: her entry's group, else {@code herdGroup}. */
    public Optional<GroupName> groupOf(CowId cow, Optional<GroupName> herdGroup) {
        return Optional.ofNullable(cows.get(cow)).flatMap(CowRules::group).or(() -> herdGroup);
    }

    /**
     * The rule set of one cow.
     *
     * @param herdGroup her group from the herd data, if known
     */
    public RuleSet resolve(CowId cow, Optional<GroupName> herdGroup) {
        List<Overrides> chain = new ArrayList<>(3);
        Optional.ofNullable(cows.get(cow)).ifPresent(c -> chain.add(c.overrides()));
        groupOf(cow, herdGroup).map(groups::get).ifPresent(chain::add);
        chain.add(herd);
        return RuleSetAssembler.assemble(chain);
    }

    /**
     * The engine's per-cow lookup; rule sets are resolved once per cow and cached. Cows whose rule sets
     * are equal share one instance (most of a herd has the herd's settings): 2,000 copies of the same
     * settings took about 1 MB of a gateway's heap.
     */
    public Rules rules(Function<CowId, Optional<GroupName>> herdGroups) {
        Map<CowId, RuleSet> cache = new ConcurrentHashMap<>();
        Map<RuleSet, RuleSet> distinct = new ConcurrentHashMap<>();
        return cow -> cache.computeIfAbsent(cow, c -> {
            RuleSet r = resolve(c, herdGroups.apply(c));
            return distinct.computeIfAbsent(r, x -> x);
        });
    }

    /**
     * Every value the file sets, by dotted path ({@code herd.heat.rise_pct}, {@code groups.dry.heat.enabled},
     * {@code cows.7161.group} ...), sorted; the audit compares two of these.
     */
    public SortedMap<String, String> settings() {
        SortedMap<String, String> out = new TreeMap<>();
        herd.texts().forEach((k, v) -> out.put("herd." + k, v));
        groups.forEach((g, o) -> o.texts().forEach((k, v) -> out.put("groups." + g + "." + k, v)));
        cows.forEach((c, r) -> {
            r.group().ifPresent(g -> out.put("cows." + c + ".group", g.value()));
            r.overrides().texts().forEach((k, v) -> out.put("cows." + c + "." + k, v));
        });
        return out;
    }
}
