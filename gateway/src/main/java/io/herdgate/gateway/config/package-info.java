/**
 * The gateway's own configuration file, {@code herdgate.yaml}: its sections as validated records
 * ({@link io.herdgate.gateway.config.GatewayConfig}), and {@link io.herdgate.gateway.config.GatewayConfigFile},
 * which reads the file and reports every problem at once with file:line:column, the field path and the
 * allowed values. The rules file (vets' thresholds) is {@code io.herdgate.rules.config}'s.
 */
package io.herdgate.gateway.config;
