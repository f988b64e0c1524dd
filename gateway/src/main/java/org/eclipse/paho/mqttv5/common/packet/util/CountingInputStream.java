package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.IOException;
import java.io.InputStream;

/**
 * Takes the place of Paho 1.2.5's class of the same name (the gateway's shaded jar leaves Paho's copy
 * out, and on a class path this one comes first): the same contract, counting the bytes read through it,
 * plus a bulk {@link #read(byte[], int, int)}.
 *
 * <p>Why: Paho's version overrides only {@code read()}, so {@code DataInputStream.readFully} of every
 * received packet and of every PUBLISH payload ({@code MqttWireMessage.createWireMessage},
 * {@code MqttPublish(byte, byte[])}) went through a synchronized {@code ByteArrayInputStream.read()} once
 * per byte: 16 % of the gateway's CPU samples at 2,000 collars (BENCHMARKS.md, "End to end: Paho's
 * receive path"). Paho only ever wraps a {@code ByteArrayInputStream} (or the socket's stream) in it and
 * reads the counter as bytes consumed, which a bulk read counts the same. If Paho is upgraded, check
 * that this class's public members still match its own ({@code PahoCountingInputStreamTest}).
 */
public class CountingInputStream extends InputStream {

    private final InputStream in;
    private int counter;

    public CountingInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b != -1) {
            counter++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            counter += n;
        }
        return n;
    }

    /** Bytes read through this stream since it was made or last reset. */
    public int getCounter() {
        return counter;
    }

    public void resetCounter() {
        counter = 0;
    }
}
