package io.herdgate.rules.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import io.herdgate.rules.params.RuleSet;
import io.herdgate.rules.series.CowId;
import org.junit.jupiter.api.Test;

class RulesDocTest {

    private static final String BEGIN = "<!-- parameters:begin -->\n";
    private static final String END = "<!-- parameters:end -->";

    @Test
    void rulesMd_parameterTable_matchesTheCatalog() throws Exception {
        String doc = Files.readString(Path.of("RULES.md"));
        int from = doc.indexOf(BEGIN);
        int to = doc.indexOf(END);
        assertTrue(from >= 0 && to > from, "RULES.md lacks the parameter table markers");
        if (Boolean.getBoolean("herdgate.regenerate")) {
            Files.writeString(Path.of("RULES.md"),
                    doc.substring(0, from + BEGIN.length()) + RulesReference.markdownTable() + doc.substring(to));
            return;
        }
        assertEquals(RulesReference.markdownTable(), doc.substring(from + BEGIN.length(), to), "RULES.md parameter"
                + " table is stale: run mvn -pl rules -am test -Dtest=DefaultRulesTest,RulesDocTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dherdgate.regenerate=true");
    }

    @Test
    void rulesMd_layoutExample_isAValidRulesFile() throws Exception {
        String doc = Files.readString(Path.of("RULES.md"));
        int from = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String example = doc.substring(from, doc.indexOf("```", from));
        RulesCheck check = RulesFile.parse(example, "RULES.md example");
        assertTrue(check instanceof RulesCheck.Valid, check.toString());
        // the resolution the page walks through
        RuleSet r = ((RulesCheck.Valid) check).config().resolve(CowId.of("7161"), Optional.empty());
        assertEquals(100, r.heat().risePct());
        assertEquals(45, r.illness().dropPct());
        assertEquals(90, r.offline().afterMin());
        assertEquals(RuleSet.defaults().calving(), r.calving());
    }
}
