package io.herdgate.sim.collar;

/**
 * Where simulated collars put their uplink frames: the gateway wires it to the serial dongle (through
 * the {@code Enframer}) or to MQTT; tests collect the frames. Downlinks travel the other way by calling
 * the herd's or collar's {@code receive}.
 */
@FunctionalInterface
public interface Transport {

    /**
     * Takes one complete uplink frame (header, payload, MIC; not COBS-framed). The array belongs to the
     * transport from now on.
     */
    void send(byte[] frame);
}
