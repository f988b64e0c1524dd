/**
 * What {@code GET /health} reports and the gateway metrics derived from the same numbers. The runtime
 * wires {@link io.herdgate.gateway.health.HealthSources} (plain suppliers), so this package depends on no
 * link, alarm or outbox class; {@link io.herdgate.gateway.health.HealthCheck} turns them into a
 * {@link io.herdgate.gateway.health.HealthReport} with a status and its reasons.
 */
package io.herdgate.gateway.health;
