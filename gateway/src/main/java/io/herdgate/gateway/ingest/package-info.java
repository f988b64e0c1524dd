/**
 * From a received radio frame to the detection engine: join handling, per-collar sessions (MIC,
 * counters, decryption; kept across restarts in a {@link io.herdgate.gateway.ingest.SessionStore}),
 * dating of sample batches, per-minute observations (each cow's behaviour posture reference kept across
 * restarts in a {@link io.herdgate.gateway.ingest.PostureStore}) and rejection counts. Links (serial dongle, MQTT)
 * hand their frames to {@link io.herdgate.gateway.ingest.FramePipeline}; nothing here knows which link a
 * frame came by.
 */
package io.herdgate.gateway.ingest;
