/**
 * The fault suite: a gateway started from its configuration file in a child JVM whose wall clock the
 * driver steps ({@link io.herdgate.gateway.fault.ChildGateway}), a simulated herd over a real mosquitto and
 * a socat serial pair, the fake WhatsApp Cloud API, and a seeded schedule of faults (broker restarts,
 * serial unplug and replug, kill -9 of the gateway, API error storms, a long API outage, wall-clock jumps
 * of a day). At the end every alarm the detectors raised is traced to a delivered message or to the
 * policy that held it back; duplicates are counted, and every frame the collars sent is traced to the
 * gateway's durable per-collar tally or to the write-behind interval of a kill -9
 * ({@link io.herdgate.gateway.fault.FrameLedger}); {@link io.herdgate.gateway.fault.FaultRun} runs it all.
 */
package io.herdgate.gateway.fault;
