/**
 * Per-collar sessions: keys plus counter history, telling fresh frames from duplicates and replays
 * ({@link io.herdgate.protocol.session.CollarSession}), the 16-bit counter rebuild
 * ({@link io.herdgate.protocol.session.CounterWindow}) and the
 * {@link io.herdgate.protocol.session.CounterStore} that keeps counters across restarts.
 */
package io.herdgate.protocol.session;
