package io.herdgate.rules.params;

import java.util.Objects;

/** All detector parameters that apply to one cow. */
public record RuleSet(BaselineParams baseline, HeatParams heat, IllnessParams illness, CalvingParams calving,
                      NoMotionParams noMotion, CollarOffParams collarOff, OfflineParams offline,
                      BatteryParams battery) {

    private static final RuleSet DEFAULTS = new RuleSet(BaselineParams.defaults(), HeatParams.defaults(),
            IllnessParams.defaults(), CalvingParams.defaults(), NoMotionParams.defaults(), CollarOffParams.defaults(),
            OfflineParams.defaults(), BatteryParams.defaults());

    public RuleSet {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(heat, "heat");
        Objects.requireNonNull(illness, "illness");
        Objects.requireNonNull(calving, "calving");
        Objects.requireNonNull(noMotion, "noMotion");
        Objects.requireNonNull(collarOff, "collarOff");
        Objects.requireNonNull(offline, "offline");
        Objects.requireNonNull(battery, "battery");
    }

    public static RuleSet of(BaselineParams baseline, HeatParams heat, IllnessParams illness, CalvingParams calving,
                             NoMotionParams noMotion, CollarOffParams collarOff, OfflineParams offline,
                             BatteryParams battery) {
        return new RuleSet(baseline, heat, illness, calving, noMotion, collarOff, offline, battery);
    }

    /** The shipped defaults (the values in {@link ParameterCatalog}). */
    public static RuleSet defaults() {
        return DEFAULTS;
    }

    public RuleSet withBaseline(BaselineParams p) {
        return of(p, heat, illness, calving, noMotion, collarOff, offline, battery);
    }

    public RuleSet withHeat(HeatParams p) {
        return of(baseline, p, illness, calving, noMotion, collarOff, offline, battery);
    }

    public RuleSet withIllness(IllnessParams p) {
        return of(baseline, heat, p, calving, noMotion, collarOff, offline, battery);
    }

    public RuleSet withCalving(CalvingParams p) {
        return of(baseline, heat, illness, p, noMotion, collarOff, offline, battery);
    }

    public RuleSet withNoMotion(NoMotionParams p) {
        return of(baseline, heat, illness, calving, p, collarOff, offline, battery);
    }

    public RuleSet withCollarOff(CollarOffParams p) {
        return of(baseline, heat, illness, calving, noMotion, p, offline, battery);
    }

    public RuleSet withOffline(OfflineParams p) {
        return of(baseline, heat, illness, calving, noMotion, collarOff, p, battery);
    }

    public RuleSet withBattery(BatteryParams p) {
        return of(baseline, heat, illness, calving, noMotion, collarOff, offline, p);
    }
}
