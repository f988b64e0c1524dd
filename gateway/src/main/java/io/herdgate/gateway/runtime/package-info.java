/**
 * The gateway process assembled from its parts: {@link io.herdgate.gateway.runtime.Gateway} opens the
 * store, loads rules, pairings and the detector checkpoint, runs ingest and detection on one thread,
 * schedules the periodic and calendar work, serves HTTP and stops in the reverse order, flushing history
 * and checkpointing so a restart keeps every cow's baseline.
 */
package io.herdgate.gateway.runtime;
