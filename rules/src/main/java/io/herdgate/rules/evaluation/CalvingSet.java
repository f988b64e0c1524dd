package io.herdgate.rules.evaluation;

import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calving dataset as the detectors see it: the 2-h blocks of {@code leg_neck_2h.csv} as observations
 * (file order: by cow, then time) and the calving block of each cow-lactation from {@code calvings.csv}.
 *
 * <p>Two corrections of the export: lying minutes over 120 in a 2-h block are capped at 120, and a
 * block with neck activity 0 and rumination 0 is taken as "no neck data" (the export writes the collar's
 * gaps that way, in runs of 4-24 h; a cow wearing the collar always moves within 2 h).
 *
 * @param observations one per row, every measure the row has
 * @param calvings     calving time (start of the calving block) per cow-lactation, in file order
 */
public record CalvingSet(List<Observation> observations, Map<CowId, Instant> calvings) {

    public static final Duration BLOCK = Duration.ofHours(2);

    public CalvingSet {
        observations = List.copyOf(observations);
        calvings = Collections.unmodifiableMap(new LinkedHashMap<>(calvings));
    }

    /** @throws DataFormatException when a file is missing or malformed (the message names file:line) */
    public static CalvingSet read(Path dir) {
        List<Observation> obs = new ArrayList<>();
        for (Csv.Row r : Csv.read(dir.resolve("leg_neck_2h.csv"))) {
            double lying = r.number("lying_min");
            double activity = r.number("activity");
            double rumination = r.number("rumination_min");
            if (activity == 0 && rumination == 0) {
                activity = Double.NaN;
                rumination = Double.NaN;
            }
            obs.add(Observation.builder(CowId.of(r.text("cow")), r.time("timestamp"), BLOCK)
                    .steps(r.number("steps")).motionIndex(r.number("motion_index"))
                    .lyingMin(Double.isNaN(lying) ? lying : Math.min(lying, 120))
                    .lyingBouts(r.number("lying_bouts")).ruminationMin(rumination)
                    .activity(activity).build());
        }
        Map<CowId, Instant> calving = new LinkedHashMap<>();
        for (Csv.Row r : Csv.read(dir.resolve("calvings.csv"))) {
            calving.put(CowId.of(r.text("cow")), r.time("calving_time"));
        }
        return new CalvingSet(obs, calving);
    }

    /**
     * The same calvings as a collar without a rumination measure sees them (the gateway's own collars,
     * whose behaviour classifier has no rumination class): every observation's rumination dropped, the
     * leg's lying minutes, lying bouts, steps and motion index and the neck's activity kept.
     */
    public CalvingSet withoutRumination() {
        return new CalvingSet(observations.stream().map(o -> o.withRuminationMin(Double.NaN)).toList(), calvings);
    }
}
