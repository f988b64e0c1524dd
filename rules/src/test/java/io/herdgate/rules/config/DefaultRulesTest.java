package io.herdgate.rules.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.rules.params.Parameter;
import io.herdgate.rules.params.ParameterCatalog;
import io.herdgate.rules.params.RuleSet;
import io.herdgate.rules.series.CowId;
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

    @Test
    void shippedFile_isTheTextGeneratedFromTheCatalog() {
        assertEquals(RulesReference.defaultYaml(), RulesFile.defaultText(),
                "default-rules.yaml is stale: regenerate it from RulesReference.defaultYaml()");
    }
}
