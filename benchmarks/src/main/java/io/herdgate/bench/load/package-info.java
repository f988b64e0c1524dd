/**
 * The load harness: a simulated herd through a real mosquitto into the gateway running as its own JVM,
 * with the figures the gateway is judged by (sustained frames/s without loss, frame-to-alarm latency,
 * memory, start-to-healthy time, bytes written). Run by {@link io.herdgate.bench.load.LoadHarness};
 * {@link io.herdgate.bench.load.StartTimes} repeats the start alone. Both run the gateway as the package
 * does: its JVM options file and a class-data sharing archive made by a training run.
 */
package io.herdgate.bench.load;
