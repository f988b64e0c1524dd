/**
 * The serial link between the gateway and the USB radio dongle: COBS byte stuffing, the CRC-32C trailer,
 * the dongle's record header (received radio frame with RSSI/SNR/channel, downlink to transmit, status
 * heartbeat, transmit done), the streaming {@link io.herdgate.protocol.serial.Deframer} that resyncs after
 * line noise, and the {@link io.herdgate.protocol.serial.Enframer} for the opposite direction. Byte layout
 * in {@code firmware-protocol/spec/serial-link.md}. The radio frames inside are opaque here.
 */
package io.herdgate.protocol.serial;
