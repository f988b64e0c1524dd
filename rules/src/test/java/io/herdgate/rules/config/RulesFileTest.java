package io.herdgate.rules.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.params.RuleSet;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.CowId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesFileTest {

    private static final String LAYERED = """
            version: 1
            herd:
              heat:
                rise_pct: 80
                refractory_h: 30
            groups:
              heifers:
                heat:
                  rise_pct: 100
                illness:
                  enabled: false
              dry: {}
            cows:
              "7161":
                heat:
                  rise_pct: 120
              "8001":
                group: dry
                offline:
                  after_min: 90
            """;

    private static RulesConfig valid(String yaml) {
        RulesCheck check = RulesFile.parse(yaml, "rules.yaml");
        if (check instanceof RulesCheck.Invalid invalid) {
            throw new AssertionError(invalid.problems().toString());
        }
        return ((RulesCheck.Valid) check).config();
    }

    private static List<String> problems(String yaml) {
        return ((RulesCheck.Invalid) assertInstanceOf(RulesCheck.Invalid.class, RulesFile.parse(yaml, "rules.yaml")))
                .problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void resolve_eachParameter_takesCowThenGroupThenHerdThenDefault() {
        RulesConfig c = valid(LAYERED);
        RuleSet r = c.resolve(CowId.of("7161"), Optional.of(GroupName.of("heifers")));
        assertEquals(120, r.heat().risePct());            // cow
        assertEquals(false, r.illness().enabled());       // group
        assertEquals(30, r.heat().refractoryHours());     // herd
        assertEquals(RuleSet.defaults().heat().cycleDays(), r.heat().cycleDays()); // default
    }

    @Test
    void resolve_cowEntryGroup_winsOverTheHerdDataGroup() {
        RulesConfig c = valid(LAYERED);
        RuleSet r = c.resolve(CowId.of("8001"), Optional.of(GroupName.of("heifers")));
        assertEquals(80, r.heat().risePct());
        assertEquals(true, r.illness().enabled());
        assertEquals(90, r.offline().afterMin());
    }

    @Test
    void resolve_cowWithoutEntryOrGroup_getsHerdSettings() {
        RuleSet r = valid(LAYERED).resolve(CowId.of("1"), Optional.empty());
        assertEquals(RuleSet.defaults().withHeat(RuleSet.defaults().heat()).illness(), r.illness());
        assertEquals(80, r.heat().risePct());
    }

    @Test
    void rules_cowsWithEqualSettings_shareOneRuleSetAndOverriddenCowsKeepTheirOwn() {
        Rules rules = valid(LAYERED).rules(cow -> Optional.empty());
        RuleSet first = rules.forCow(CowId.of("1"));
        assertSame(first, rules.forCow(CowId.of("2")));
        assertNotSame(first, rules.forCow(CowId.of("7161")));
        assertEquals(120, rules.forCow(CowId.of("7161")).heat().risePct());
        assertEquals(80, first.heat().risePct());
    }

    @Test
    void parse_emptyFile_isTheShippedDefaults() {
        assertEquals(RuleSet.defaults(), valid("").resolve(CowId.of("1"), Optional.empty()));
    }

    @Test
    void parse_severityAndFlag_areRead() {
        RuleSet r = valid("herd:\n  heat:\n    severity: critical\n    enabled: false\n").resolve(CowId.of("1"), Optional.empty());
        assertEquals(Severity.CRITICAL, r.heat().severity());
        assertEquals(false, r.heat().enabled());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "herd:\\n  heat:\\n    rise_pct: 650\\n | rules.yaml:3:15: herd.heat.rise_pct: 650 is outside 10..500 (%)",
            "herd:\\n  heat:\\n    rise_pct: high\\n | rules.yaml:3:15: herd.heat.rise_pct: the text 'high' is not a number; allowed: 10..500 %",
            "herd:\\n  heat:\\n    window_h: 2.5\\n | rules.yaml:3:15: herd.heat.window_h: 2.5 is not a whole number; allowed: whole number 2..24 h",
            "herd:\\n  heat:\\n    rise_pc: 80\\n | rules.yaml:3:5: herd.heat.rise_pc: unknown key 'rise_pc'; did you mean 'rise_pct'?",
            "hrd:\\n  heat: {}\\n | rules.yaml:1:1: hrd: unknown key 'hrd'; did you mean 'herd'?; allowed: version, herd, groups, cows",
            "herd:\\n  heta: {}\\n | rules.yaml:2:3: herd.heta: unknown key 'heta'; did you mean 'heat'?",
            "herd:\\n  heat:\\n    enabled: yes please\\n | rules.yaml:3:14: herd.heat.enabled: the text 'yes please' is not allowed; allowed: true, false",
            "herd:\\n  heat:\\n    severity: loud\\n | rules.yaml:3:15: herd.heat.severity: the text 'loud' is not a severity; allowed: info, warning, critical",
            "herd:\\n  heat:\\n    rise_pct:\\n | rules.yaml:3:14: herd.heat.rise_pct: needs a value",
            "cows:\\n  '7':\\n    group: heifer\\ngroups:\\n  heifers: {}\\n | rules.yaml:3:12: cows.7.group: group 'heifer' is not defined under groups; did you mean 'heifers'?; defined: heifers",
            "herd:\\n  heat:\\n    clear_pct: 90\\n | rules.yaml:3:16: herd.heat.clear_pct: 90 is not allowed; allowed: at most heat.rise_pct",
            "version: 2\\n | rules.yaml:1:10: version: 2 is not a supported version; allowed: 1",
            "- a\\n- b\\n | rules.yaml:1:1: the file must be a mapping",
    })
    void parse_badValue_isReportedWithPlacePathValueAndAllowed(String yaml, String expectedStart) {
        List<String> problems = problems(yaml.replace("\\n", "\n"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(expectedStart), problems.get(0));
    }

    @Test
    void parse_severalErrors_reportsEveryOneInFileOrder() {
        List<String> problems = problems("""
                herd:
                  heat:
                    rise_pct: 1000
                    rise_pct: 80
                  illnes: {}
                groups:
                  heifers:
                    offline:
                      after_min: 1
                """);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("rules.yaml:3:15: herd.heat.rise_pct: 1000 is outside"));
        assertTrue(problems.get(1).startsWith("rules.yaml:4:5: herd.heat.rise_pct: duplicate key"));
        assertTrue(problems.get(2).startsWith("rules.yaml:5:3: herd.illnes: unknown key"));
        assertTrue(problems.get(3).startsWith("rules.yaml:9:18: groups.heifers.offline.after_min: 1 is outside 5..10080 (min)"));
    }

    @Test
    void parse_cowOverrideRefusedOnlyWithAGroup_namesTheGroup() {
        List<String> problems = problems("""
                groups:
                  keen:
                    heat: { rise_pct: 200, clear_pct: 150 }
                cows:
                  "9":
                    heat: { rise_pct: 100 }
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("cows.9.heat.clear_pct") && problems.get(0).contains("group keen"), problems.get(0));
    }

    @Test
    void parse_refusedGroup_isReportedOnceNotForEveryCow() {
        List<String> problems = problems("""
                groups:
                  keen:
                    heat: { rise_pct: 50, clear_pct: 60 }
                cows:
                  "1": { illness: { enabled: false } }
                  "2": { illness: { enabled: false } }
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("rules.yaml:3:38: groups.keen.heat.clear_pct: 60 is not allowed"), problems.get(0));
    }

    @Test
    void parse_malformedYaml_isOneLineWithPosition() {
        List<String> problems = problems("herd:\n  heat: {rise_pct: 80\n");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).matches("rules\\.yaml:\\d+:\\d+: not valid YAML: .*"), problems.get(0));
    }

    @Test
    void settings_flattenEveryLevelToDottedPaths() {
        assertEquals(List.of("cows.7161.heat.rise_pct", "cows.8001.group", "cows.8001.offline.after_min",
                        "groups.heifers.heat.rise_pct", "groups.heifers.illness.enabled", "herd.heat.refractory_h",
                        "herd.heat.rise_pct"),
                List.copyOf(valid(LAYERED).settings().keySet()));
    }
}
