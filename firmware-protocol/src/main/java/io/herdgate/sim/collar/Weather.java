package io.herdgate.sim.collar;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Air temperature on the farm: a daily sine around {@code meanC}, coldest at 03:00 and warmest at 15:00
 * local time.
 *
 * @param meanC  daily mean, °C
 * @param swingC half the difference between the warmest and the coldest hour, °C, 0..30
 * @param zone   farm time zone
 */
public record Weather(double meanC, double swingC, ZoneId zone) {

    public Weather {
        if (!(swingC >= 0 && swingC <= 30) || !(meanC >= -50 && meanC <= 50)) {
            throw new IllegalArgumentException("weather out of range: mean " + meanC + " °C (-50..50), swing "
                    + swingC + " °C (0..30)");
        }
    }

    public static Weather of(double meanC, double swingC, ZoneId zone) {
        return new Weather(meanC, swingC, zone);
    }

    /** Air temperature at {@code t}, °C. */
    public double airC(Instant t) {
        double hour = t.atZone(zone).toLocalTime().toSecondOfDay() / 3600.0;
        return meanC + swingC * Math.sin(2 * Math.PI * (hour - 9) / 24);
    }

    /**
     * Temperature of a collar's board: worn, it sits between the air and the neck (about 38.5 °C);
     * off the cow it takes the air temperature.
     */
    public double collarC(Instant t, boolean worn) {
        double air = airC(t);
        return worn ? air + 0.35 * (38.5 - air) : air;
    }
}
