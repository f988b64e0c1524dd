/*******************************************************************************
 * Copyright (c) 2016 IBM Corp.
 *
 * All rights reserved. This program and the accompanying materials
 * are made available under the terms of the Eclipse Public License v2.0
 * and Eclipse Distribution License v1.0 which accompany this distribution.
 *
 * The Eclipse Public License is available at
 *    https://www.eclipse.org/legal/epl-2.0
 * and the Eclipse Distribution License is available at
 *   https://www.eclipse.org/org/documents/edl-v10.php
 *
 * Contributors:
 *    Dave Locke   - Original MQTTv3 implementation
 *    James Sutton - Initial MQTTv5 implementation
 *    herdgate     - read(byte[], int, int) and skip(long) pass through in bulk and are counted
 *                   (Paho 1.2.5 overrides only read(), so every packet and payload was copied one
 *                   synchronized ByteArrayInputStream.read() at a time)
 *******************************************************************************/
package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.IOException;
import java.io.InputStream;

/**
 * Takes the place of Paho 1.2.5's class of the same name (the gateway's shaded jar leaves Paho's copy
 * out, and on a class path this one comes first): the same contract, counting the bytes read through it,
 * plus a bulk {@link #read(byte[], int, int)} and {@link #skip(long)}, counted as Paho's counts them
 * (it reads them through {@code read()}).
 *
 * <p>Why: Paho's version overrides only {@code read()}, so {@code DataInputStream.readFully} of every
 * received packet and of every PUBLISH payload ({@code MqttWireMessage.createWireMessage},
 * {@code MqttPublish(byte, byte[])}) went through a synchronized {@code ByteArrayInputStream.read()} once
 * per byte: 16 % of the gateway's CPU samples at 2,000 collars (BENCHMARKS.md, "End to end: Paho's
 * receive path"). Paho only ever wraps a {@code ByteArrayInputStream} (or the socket's stream) in it and
 * reads the counter as bytes consumed, which a bulk read counts the same. If Paho is upgraded, check
 * that this class's public members still match its own ({@code CountingInputStreamTest}, and
 * {@code ShippedJarTest} in the deploy module for the shaded jar); the Paho version is pinned in the
 * parent pom with a note saying so.
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

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) {
            counter += (int) skipped;
        }
        return skipped;
    }

    /** Bytes read (or skipped) through this stream since it was made or last reset. */
    public int getCounter() {
        return counter;
    }

    public void resetCounter() {
        counter = 0;
    }
}
