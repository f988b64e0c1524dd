/**
 * Telling systemd how the gateway is doing, by the sd_notify(3) protocol: {@code READY=1} once the
 * gateway is healthy, {@code WATCHDOG=1} periodically while its pipeline is alive, {@code STOPPING=1} at
 * shutdown and a one-line {@code STATUS=} for {@code systemctl status}.
 *
 * <p>Messages are datagrams on the unix socket named by {@code NOTIFY_SOCKET} (a path, or an abstract
 * name starting with {@code @}); JDK 17 has no unix datagram sockets, so they go through junixsocket.
 * The main process sends them itself, so the unit needs only {@code NotifyAccess=main}. Outside systemd
 * (no {@code NOTIFY_SOCKET}) every call is a no-op reported as {@link
 * io.herdgate.gateway.systemd.NotifyResult.Unsupervised}.
 *
 * <p>Use: {@code Supervision s = Supervision.fromEnvironment(System.getenv(), ProcessHandle.current().pid(),
 * Liveness.responding("ingest thread", gateway::awaitIngest, Duration.ofSeconds(20)))};
 * {@code s.ready("12 collars, serial link up")} once the links and the pipeline run; {@code s.close()}
 * at shutdown (sends {@code STOPPING=1}, stops the watchdog thread). A worker loop can instead beat a
 * {@link io.herdgate.gateway.systemd.Heartbeat} and pass {@code heartbeat.liveness(maxSilence)}.
 */
package io.herdgate.gateway.systemd;
