/**
 * The load harness: a simulated herd through a real mosquitto into the gateway running as its own JVM,
 * with the figures the gateway is judged by (sustained frames/s without loss, frame-to-alarm latency,
 * memory, start-to-healthy time, bytes written). Run by {@link io.herdgate.bench.load.LoadHarness}.
 */
package io.herdgate.bench.load;
