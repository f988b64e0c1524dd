/**
 * Replay and backtest: streams a per-cow CSV of interval measures (or raw accelerometer samples)
 * through the detection engine with one or two rule sets, writes the alarms as JSON lines and
 * compares rule sets alarm by alarm. Owns the fast CSV line parser, the herd CSV and the
 * interval detection; the detectors themselves live in the engine.
 */
package io.herdgate.rules.replay;
