/**
 * The streaming detection engine: per-cow hourly bins and baselines, the herd prior, the detectors
 * (heat, illness, calving, cow down, collar off, offline, low battery) and the state snapshot.
 * {@link io.herdgate.rules.detect.DetectionEngine} is the public entry point; everything else here is
 * package-private.
 */
package io.herdgate.rules.detect;
