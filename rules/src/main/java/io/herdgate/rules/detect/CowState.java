package io.herdgate.rules.detect;

import io.herdgate.rules.params.RuleSet;
import io.herdgate.rules.series.CowId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Everything the engine keeps about one cow; bounded in size whatever the input length. */
final class CowState {

    static final long NONE = Long.MIN_VALUE;

    final CowId id;
    RuleSet rules;
    HourlyBins bins;
    final CowLevel level = new CowLevel();
    /** End (epoch s) of the last observation and of the last one with data. */
    long lastEndSec = NONE;
    long lastDataEndSec = NONE;

    final HeatDetector heat = new HeatDetector();
    final IllnessDetector illness = new IllnessDetector();
    final CalvingDetector calving = new CalvingDetector();
    final NoMotionDetector noMotion = new NoMotionDetector();
    final CollarOffDetector collarOff = new CollarOffDetector();
    final OfflineDetector offline = new OfflineDetector();
    final BatteryDetector battery = new BatteryDetector();

    /** @param cachePooled see {@link HourlyBins#HourlyBins(int, boolean)} */
    CowState(CowId id, RuleSet rules, boolean cachePooled) {
        this.id = id;
        this.rules = rules;
        this.bins = new HourlyBins(ringHours(rules), cachePooled);
    }

    /** Hours the ring must hold: every baseline day plus the longest window. */
    static int ringHours(RuleSet r) {
        int window = Math.max(Math.max(r.heat().windowHours(), r.illness().windowHours()),
                Math.max(r.calving().windowHours(), CalvingDetector.REFERENCE_HOURS));
        return r.baseline().days() * 24 + window + 1;
    }

    /** Applies a new rule set; a ring of another size starts empty (a new warm-up). */
    void setRules(RuleSet r) {
        if (ringHours(r) != bins.size()) {
            bins = new HourlyBins(ringHours(r), bins.cachesPooled());
        }
        rules = r;
    }

    AlarmTrack[] tracks() {
        return new AlarmTrack[] {heat.track, illness.track, calving.track, noMotion.track, collarOff.track,
                offline.track, battery.track};
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(lastEndSec);
        out.writeLong(lastDataEndSec);
        bins.write(out);
        level.write(out);
        heat.write(out);
        illness.write(out);
        calving.write(out);
        noMotion.write(out);
        collarOff.write(out);
        offline.write(out);
        battery.write(out);
    }

    /**
     * Reads what {@link #write} wrote, or the layout of an older snapshot {@code version} (3: the old ring;
     * 4 and 5: the ring of float sums and char seconds; before 5: heat without its last raise).
     */
    void read(DataInput in, int version) throws IOException {
        lastEndSec = in.readLong();
        lastDataEndSec = in.readLong();
        if (version == 3) {
            bins.readVersion3(in);
        } else if (version <= 5) {
            bins.readVersion5(in);
        } else {
            bins.read(in);
        }
        level.read(in);
        heat.read(in, version);
        illness.read(in);
        calving.read(in);
        noMotion.read(in);
        collarOff.read(in);
        offline.read(in);
        battery.read(in);
    }
}
