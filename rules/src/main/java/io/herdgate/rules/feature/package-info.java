/**
 * Activity features computed from raw 3-axis accelerometer samples, streaming and in O(1) work per
 * sample: gravity estimate, dynamic body acceleration (VeDBA, ODBA), posture angles, rumination-band
 * energy, step-like peaks, per-axis variance and orientation change, summed up per window. Every
 * definition (formula, unit, filter, rate limits) is in {@code rules/FEATURES.md}.
 */
package io.herdgate.rules.feature;
