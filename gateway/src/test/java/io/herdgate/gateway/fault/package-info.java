/**
 * The fault suite: a gateway started from its configuration file in a child JVM whose wall clock the
 * driver steps ({@link io.herdgate.gateway.fault.ChildGateway}), a simulated herd over a real mosquitto and
 * a socat serial pair, the fake WhatsApp Cloud API, and a seeded schedule of faults (broker restarts,
 * serial unplug and replug, kill -9 of the gateway, API error storms, a long API outage, wall-clock jumps
 * of a day). At the end every alarm the detectors raised is traced to a delivered message or to the
 * policy that held it back; duplicates and frames are counted and printed ({@link io.herdgate.gateway.fault.FaultRun}).
 */
package io.herdgate.gateway.fault;
