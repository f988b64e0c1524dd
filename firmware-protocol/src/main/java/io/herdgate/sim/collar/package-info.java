/**
 * A simulated collar that speaks the real protocol ({@link io.herdgate.sim.collar.SimulatedCollar}):
 * join, session frames with counters and MIC, sample batches, activity summaries, status and on-collar
 * events, downlinks, buffering during radio loss; with its battery ({@link io.herdgate.sim.collar.Battery}),
 * the weather it feels ({@link io.herdgate.sim.collar.Weather}) and the seam to the collar-side firmware
 * update ({@link io.herdgate.sim.collar.FirmwareAgent}). Frames leave through a
 * {@link io.herdgate.sim.collar.Transport}.
 */
package io.herdgate.sim.collar;
