/**
 * Durable gateway state in one SQLite file: collars and their root keys, cows, pairing history, frame
 * counters, collar sessions, firmware-update progress, per-minute feature history, detector checkpoints, cows'
 * posture references for the behaviour classifier, alarms and the rule-change audit.
 *
 * <p>{@link io.herdgate.gateway.store.Database} opens the file (WAL, foreign keys, busy timeout; a new
 * file gets mode 0600 because it holds root keys) and migrates it by {@code PRAGMA user_version}. One
 * small class per table reads and writes it, each stating its {@link io.herdgate.gateway.store.Durability}:
 * FULL for what must survive a power cut (counters, sessions, collars, cows, pairings, alarms, audit, checkpoints),
 * NORMAL for what may lose its last seconds (feature batches, firmware progress, posture references). I/O failures are
 * {@link io.herdgate.gateway.store.StoreException}s naming the file.
 *
 * <p>Start-up of a gateway, in order: {@code Database.open(file)}; {@code CollarRegistry.open(db,
 * clock)} (the live {@code CollarDirectory} over {@code Collars} and {@code PairingHistory}); {@code SqliteCounterStore.of(db)} for the join server and the
 * frame pipeline, {@code SqliteSessionStore.of(db)} for the pipeline's sessions, {@code SqlitePostureStore.of(db)} for its cows' posture references; {@code Checkpoints.of(db).latest()} into {@code DetectionEngine.Builder#restore};
 * {@code AlarmLog.of(db)} as the engine's listener; {@code FeatureHistory.of(db, policy, clock)} fed
 * with every observation, {@code flushIfDue()} on a timer, {@code deleteOlderThan(retention)} daily,
 * {@code flush()} and {@code db.close()} at shutdown.
 *
 * <p>{@link io.herdgate.gateway.store.ScratchDirectory} deletes state made for one run only (the demo's data
 * directory, the alarm rehearsal's scratch database).
 */
package io.herdgate.gateway.store;
