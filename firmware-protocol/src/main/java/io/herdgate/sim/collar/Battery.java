package io.herdgate.sim.collar;

/**
 * A collar's rechargeable lithium cell (one cell, 3.3..4.15 V) that is never recharged in the field.
 * Charge is drawn by a base current plus a cost per uplink frame; in the cold the cell delivers less of
 * its capacity (+1 % drain per °C below 20 °C) and its internal resistance rises (+3 % per °C below
 * 25 °C), so voltage under load falls faster. Mutable, one per collar.
 */
public final class Battery {

    /** Below this voltage under load the collar browns out and stops. */
    public static final int CUTOFF_MV = 3300;
    /** Radio transmit current, the load under which the voltage is reported. */
    private static final double TX_MA = 40;
    private static final double BASE_OHM = 0.15;
    private static final double[] SOC = {0.0, 0.05, 0.10, 0.20, 0.50, 0.80, 0.90, 1.0};
    private static final double[] OCV_MV = {3300, 3550, 3650, 3700, 3800, 3950, 4050, 4150};

    private final double capacityMah;
    private final double baseMa;
    private final double mAsPerFrame;
    private double chargeMah;

    private Battery(double capacityMah, double charge, double baseMa, double mAsPerFrame) {
        if (!(capacityMah > 0) || !(charge >= 0 && charge <= 1) || !(baseMa >= 0) || !(mAsPerFrame >= 0)) {
            throw new IllegalArgumentException("battery: capacity " + capacityMah + " mAh must be > 0, charge "
                    + charge + " in 0..1, currents >= 0");
        }
        this.capacityMah = capacityMah;
        this.chargeMah = capacityMah * charge;
        this.baseMa = baseMa;
        this.mAsPerFrame = mAsPerFrame;
    }

    /**
     * @param capacityMah  nominal capacity
     * @param charge       state of charge at start, 0..1
     * @param baseMa       average current of sensor and MCU
     * @param mAsPerFrame  charge per uplink frame (radio on air), mA·s
     */
    public static Battery of(double capacityMah, double charge, double baseMa, double mAsPerFrame) {
        return new Battery(capacityMah, charge, baseMa, mAsPerFrame);
    }

    /** A new collar battery: 2400 mAh full, 0.9 mA base, 0.2 mA·s per frame (about 3 months at 10 Hz). */
    public static Battery fresh() {
        return of(2400, 1.0, 0.9, 0.2);
    }

    /** An old battery at 25 % charge: it reaches the cut-off within a few weeks. */
    public static Battery aged() {
        return of(2400, 0.25, 0.9, 0.2);
    }

    /** Draws the base current for {@code seconds} at {@code temperatureC}. */
    public void run(double seconds, double temperatureC) {
        draw(baseMa * seconds / 3600, temperatureC);
    }

    /** Draws the cost of {@code frames} transmissions at {@code temperatureC}. */
    public void transmit(int frames, double temperatureC) {
        draw(mAsPerFrame * frames / 3600, temperatureC);
    }

    /** State of charge, 0..1. */
    public double charge() {
        return chargeMah / capacityMah;
    }

    /** Voltage under transmit load at {@code temperatureC}, mV. */
    public int voltageMv(double temperatureC) {
        double soc = charge();
        int i = 1;
        while (i < SOC.length - 1 && SOC[i] < soc) {
            i++;
        }
        double f = (soc - SOC[i - 1]) / (SOC[i] - SOC[i - 1]);
        double ocv = OCV_MV[i - 1] + Math.max(0, Math.min(1, f)) * (OCV_MV[i] - OCV_MV[i - 1]);
        double ohm = BASE_OHM * (1 + 0.03 * Math.max(0, 25 - temperatureC));
        return (int) Math.round(Math.max(0, ocv - TX_MA * ohm));
    }

    /** True when the voltage under load is below {@link #CUTOFF_MV}. */
    public boolean empty(double temperatureC) {
        return voltageMv(temperatureC) < CUTOFF_MV;
    }

    private void draw(double mah, double temperatureC) {
        double coldFactor = 1 + 0.01 * Math.max(0, 20 - temperatureC);
        chargeMah = Math.max(0, chargeMah - mah * coldFactor);
    }
}
