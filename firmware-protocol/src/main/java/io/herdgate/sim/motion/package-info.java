/**
 * Synthetic 3-axis neck-collar accelerometer streams: behaviours ({@link io.herdgate.sim.motion.Behaviour}),
 * per-cow variation ({@link io.herdgate.sim.motion.CowTraits}), the diurnal behaviour plan with event
 * effects ({@link io.herdgate.sim.motion.BehaviourPlanner}), the sample synthesis
 * ({@link io.herdgate.sim.motion.MotionSynth}) and the per-cow stream that ties them together
 * ({@link io.herdgate.sim.motion.CowMotion}). Output is acceleration in g in the collar frame, gravity
 * included; see {@code SIMULATOR.md} for the model and its check against real recordings.
 */
package io.herdgate.sim.motion;
