/**
 * Durable gateway state in one SQLite file: collars and their root keys, cows, pairing history, frame
 * counters, per-minute feature history, detector checkpoints, alarms and the rule-change audit.
 * {@link io.herdgate.gateway.store.Database} opens and migrates the file; one small class per table
 * reads and writes it. Expected outcomes are values; I/O failures are
 * {@link io.herdgate.gateway.store.StoreException}s naming the file.
 */
package io.herdgate.gateway.store;
