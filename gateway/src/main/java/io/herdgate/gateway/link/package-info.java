/**
 * The links that bring collar frames into the gateway and take downlinks out: the USB radio dongle on a
 * serial port ({@link io.herdgate.gateway.link.SerialLink}, jssc) and an MQTT broker
 * ({@link io.herdgate.gateway.link.MqttLink}, Paho v5). Both hand their frames to one bounded
 * {@link io.herdgate.gateway.link.Ingest} in front of the single-threaded
 * {@link io.herdgate.gateway.ingest.FramePipeline}; when it is full the links wait (back-pressure), so
 * nothing is queued without bound and nothing is dropped silently. Downlinks go back to each collar over
 * the link it was last heard on ({@link io.herdgate.gateway.link.Downlinks}). Links survive unplugs and
 * broker restarts by themselves; their {@link io.herdgate.gateway.link.LinkStats} feed {@code /health}.
 * Paho logs through {@link io.herdgate.gateway.link.PahoLog}; its {@code CountingInputStream} is replaced
 * by the gateway's own copy (bulk reads; in {@code org.eclipse.paho.mqttv5.common.packet.util}).
 */
package io.herdgate.gateway.link;
