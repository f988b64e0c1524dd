package io.herdgate.sim.collar;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatteryTest {

    private static final double DAY_S = 86_400;

    /** A day of a 10 Hz collar: base current plus 8,640 batches and 96 status frames. */
    private static void liveOneDay(Battery b, double temperatureC) {
        b.run(DAY_S, temperatureC);
        b.transmit(8_736, temperatureC);
    }

    @Test
    void freshBattery_startsNear4VoltsUnderLoad() {
        int mv = Battery.fresh().voltageMv(25);
        assertTrue(mv > 4_100 && mv < 4_150, mv + " mV");
    }

    @Test
    void agedBattery_declinesOverWeeks_thenFallsBelowTheCutOff() {
        Battery b = Battery.aged();
        int start = b.voltageMv(15);
        int afterOneWeek = 0;
        int days = 0;
        while (!b.empty(15) && days < 100) {
            liveOneDay(b, 15);
            days++;
            if (days == 7) {
                afterOneWeek = b.voltageMv(15);
            }
        }
        assertTrue(afterOneWeek < start - 20, "a week costs voltage: " + start + " -> " + afterOneWeek + " mV");
        assertTrue(days >= 14 && days <= 35, "an aged battery lasts weeks, not days or months: " + days + " days");
    }

    @Test
    void cold_drainsFasterAndLowersTheVoltageUnderLoad() {
        Battery warm = Battery.fresh();
        Battery cold = Battery.fresh();
        for (int d = 0; d < 30; d++) {
            liveOneDay(warm, 20);
            liveOneDay(cold, -10);
        }
        assertEquals(0.3, (1 - cold.charge()) / (1 - warm.charge()) - 1, 1e-9, "+1 % drain per °C below 20 °C");
        assertTrue(cold.voltageMv(-10) < warm.voltageMv(20) - 20);
    }

    @Test
    void emptyBattery_isBelowTheCutOff() {
        Battery b = Battery.of(100, 0.0, 1, 0);
        assertTrue(b.empty(20));
        assertFalse(Battery.of(100, 0.5, 1, 0).empty(20));
    }
}
