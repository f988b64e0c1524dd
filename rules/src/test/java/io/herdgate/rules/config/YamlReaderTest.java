package io.herdgate.rules.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    @Test
    void read_nestedMapping_keepsLineAndColumnOfEveryValue() {
        YamlReader.Result r = YamlReader.read("herd:\n  heat:\n    rise_pct: 80\n", "r.yaml");
        assertTrue(r.problems().isEmpty());
        YamlNode.Mapping doc = (YamlNode.Mapping) r.document().orElseThrow();
        YamlNode.Mapping herd = (YamlNode.Mapping) doc.entry("herd").orElseThrow().value();
        YamlNode.Mapping heat = (YamlNode.Mapping) herd.entry("heat").orElseThrow().value();
        YamlNode.Entry rise = heat.entry("rise_pct").orElseThrow();
        assertEquals(Position.of(3, 5), rise.keyAt());
        YamlNode.Scalar v = (YamlNode.Scalar) rise.value();
        assertEquals("80", v.text());
        assertEquals(YamlNode.Kind.NUMBER, v.kind());
        assertEquals(3, v.at().line());
    }

    @Test
    void read_duplicateKey_isReportedWithBothLines() {
        YamlReader.Result r = YamlReader.read("herd:\n  heat: {}\n  heat: {}\n", "r.yaml");
        assertEquals(List.of("r.yaml:3:3: herd.heat: duplicate key; first given at line 2, this one is ignored"),
                r.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void read_malformedYaml_isOneProblemWithPosition() {
        YamlReader.Result r = YamlReader.read("herd:\n  heat: [1, 2\n  x: y\n", "r.yaml");
        assertTrue(r.document().isEmpty());
        assertEquals(1, r.problems().size());
        String msg = r.problems().get(0).toString();
        assertTrue(msg.startsWith("r.yaml:") && msg.contains("not valid YAML"), msg);
    }

    @Test
    void read_quotedNumber_isAString() {
        YamlReader.Result r = YamlReader.read("a: '80'\n", "r.yaml");
        YamlNode.Mapping doc = (YamlNode.Mapping) r.document().orElseThrow();
        assertEquals(YamlNode.Kind.STRING, ((YamlNode.Scalar) doc.entry("a").orElseThrow().value()).kind());
    }
}
