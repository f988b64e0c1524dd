package io.herdgate.rules.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.rules.params.Parameter;
import io.herdgate.rules.params.ParameterCatalog;
import io.herdgate.rules.params.RuleSet;
import io.herdgate.rules.series.CowId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DefaultRulesTest {

    private static RulesConfig shipped() {
        return ((RulesCheck.Valid) RulesFile.parse(RulesFile.defaultText(), RulesFile.DEFAULT_RESOURCE)).config();
    }

    @Test
    void shippedFile_resolvesToTheEngineDefaults() {
        assertEquals(RuleSet.defaults(), shipped().resolve(CowId.of("1"), Optional.empty()));
    }

    @Test
    void shippedFile_setsEveryCatalogParameterAtItsDefault() {
        TreeSet<String> expected = new TreeSet<>();
        for (Parameter p : ParameterCatalog.all()) {
            expected.add("herd." + p.key() + "=" + p.defaultText());
        }
        TreeSet<String> actual = new TreeSet<>();
        shipped().settings().forEach((k, v) -> actual.add(k + "=" + v));
        assertEquals(expected, actual);
    }

    /** With {@code -Dherdgate.regenerate=true} the file is rewritten from the catalog instead of compared. */
    @Test
    void shippedFile_isTheTextGeneratedFromTheCatalog() throws Exception {
        if (Boolean.getBoolean("herdgate.regenerate")) {
            Files.writeString(Path.of("src/main/resources/io/herdgate/rules/config", RulesFile.DEFAULT_RESOURCE),
                    RulesReference.defaultYaml());
            return;
        }
        assertEquals(RulesReference.defaultYaml(), RulesFile.defaultText(), "default-rules.yaml is stale: run "
                + "mvn -pl rules -am test -Dtest=DefaultRulesTest,RulesDocTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dherdgate.regenerate=true");
    }
}
