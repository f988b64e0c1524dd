/**
 * The upstream bridge: the gateway's normalised events (per-minute features, alarms and their states,
 * collar status, gateway health) published as JSON to an upstream MQTT broker (farm office,
 * cooperative, cloud), kept on disk while the uplink is down.
 *
 * <p>{@link io.herdgate.gateway.upstream.Upstream} takes {@link io.herdgate.gateway.upstream.UpstreamEvent}s
 * from any thread ({@code publish} only writes the SQLite queue), and one sender thread publishes them
 * at QoS 1 in queue order, deleting each only after the broker's PUBACK: at-least-once delivery, every
 * message numbered by {@code seq} so consumers drop repeats and see gaps. The queue
 * ({@link io.herdgate.gateway.upstream.UpstreamQueue}, table {@code upstream_queue}) is bounded; when
 * full, the oldest event of the lowest importance goes first (features, then status, then alarms).
 * Topics and payloads are specified in {@code deploy/UPSTREAM.md}.
 */
package io.herdgate.gateway.upstream;
