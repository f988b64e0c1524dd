package io.herdgate.bench;

import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Paho's decoding of one received QoS 1 PUBLISH of an uplink (the bytes after the socket read, as
 * {@code MqttInputStream} hands them to {@code MqttWireMessage.createWireMessage}): the work of the
 * gateway's MQTT receiver thread per frame. Which {@code CountingInputStream} runs depends on the class
 * path: the benchmarks jar holds the gateway's (bulk reads); Paho's jar placed first gives Paho's own
 * (a byte at a time). The setup prints which one is in use. Score = PUBLISH packets decoded per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PahoReceiveBenchmark {

    /** Frame bytes: a status frame, and a sample batch as the load harness's collars send them. */
    @Param({"48", "433"})
    int payload;

    private byte[] packet;

    @Setup(Level.Trial)
    public void setUp() throws MqttException {
        byte[] frame = new byte[payload];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) (i * 37 + 11);
        }
        MqttPublish publish = new MqttPublish("herdgate/load/collar/70B3D5499A0007D0/up",
                new MqttMessage(frame, 1, false, new MqttProperties()), new MqttProperties());
        publish.setMessageId(4711);
        byte[] header = publish.getHeader();
        byte[] body = publish.getPayload();
        packet = new byte[header.length + body.length];
        System.arraycopy(header, 0, packet, 0, header.length);
        System.arraycopy(body, 0, packet, header.length, body.length);
        boolean bulk;
        try {
            CountingInputStream.class.getDeclaredMethod("read", byte[].class, int.class, int.class);
            bulk = true;
        } catch (NoSuchMethodException e) {
            bulk = false;
        }
        System.out.println("CountingInputStream: " + (bulk ? "the gateway's (bulk reads)" : "Paho's own (a byte at a time)")
                + ", from " + CountingInputStream.class.getProtectionDomain().getCodeSource().getLocation());
    }

    @Benchmark
    public MqttWireMessage decode() throws MqttException {
        return MqttWireMessage.createWireMessage(packet);
    }
}
