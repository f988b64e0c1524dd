/**
 * Injectable episodes in a simulated cow's life: heat, illness, calving, cow down, collar fallen off and
 * radio loss. Each is an immutable record with a start and an end in simulated time; the motion model
 * and the simulated collar read them, the herd's event schedule creates them.
 */
package io.herdgate.sim.event;
