/**
 * A simulated herd: N seeded cows with collars, the event schedule that gives some of them heat,
 * illness, calving and accidents ({@link io.herdgate.sim.herd.EventSpec}), and the run loop that advances
 * every collar to a simulated instant and hands their frames to a
 * {@link io.herdgate.sim.collar.Transport}.
 */
package io.herdgate.sim.herd;
