package io.herdgate.rules.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.alarm.Severity;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterCatalogTest {

    @Test
    void catalog_keys_areUniqueAndDocumented() {
        Set<String> keys = new HashSet<>();
        for (Parameter p : ParameterCatalog.all()) {
            assertTrue(keys.add(p.key()), "duplicate " + p.key());
            assertTrue(p.key().matches("[a-z_]+\\.[a-z_0-9]+"), p.key());
            assertTrue(!p.meaning().isBlank() && !p.allowed().isBlank(), p.key());
            if (p instanceof Parameter.Number n) {
                n.check(n.defaultValue());
            }
        }
    }

    @Test
    void defaults_buildAValidRuleSet() {
        RuleSet r = RuleSet.defaults();
        assertEquals(70, r.heat().risePct());
        assertEquals(60, r.offline().afterMin());
        assertEquals(Severity.CRITICAL, r.noMotion().severity());
    }

    @Test
    void heatParams_risePctAt_addsTheWarmUpExtraFadingToNothingOverTheBaselineDays() {
        HeatParams h = HeatParams.of(true, Severity.WARNING, 8, 70, 14, 35, 0, 24, 21);
        assertEquals(84, h.risePctAt(0, 7), 1e-9);
        assertEquals(77, h.risePctAt(3.5, 7), 1e-9);
        assertEquals(70, h.risePctAt(7, 7), 1e-9);
        assertEquals(70, h.risePctAt(9, 7), 1e-9);
    }

    @Test
    void heatParams_riseOutOfRange_isRejectedNamingKeyAndRange() {
        InvalidParameterException ex = assertThrows(InvalidParameterException.class,
                () -> HeatParams.of(true, Severity.WARNING, 10, 5000, 0, 35, 0, 24, 21));
        assertEquals("heat.rise_pct", ex.key());
        assertEquals("heat.rise_pct = 5000.0 is not allowed; allowed: 10..500 %", ex.getMessage());
    }

    @Test
    void heatParams_clearAboveRise_isRejected() {
        InvalidParameterException ex = assertThrows(InvalidParameterException.class,
                () -> HeatParams.of(true, Severity.WARNING, 10, 50, 0, 60, 0, 24, 21));
        assertEquals("heat.clear_pct", ex.key());
    }

    @Test
    void byKey_findsEveryCatalogEntry() {
        assertEquals(ParameterCatalog.HEAT_RISE_PCT, ParameterCatalog.byKey("heat.rise_pct").orElseThrow());
        assertTrue(ParameterCatalog.byKey("heat.nope").isEmpty());
    }
}
