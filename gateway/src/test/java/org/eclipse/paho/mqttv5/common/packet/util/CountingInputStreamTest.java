package org.eclipse.paho.mqttv5.common.packet.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountingInputStreamTest {

    @Test
    void theClassPahoLoads_isTheOneThatReadsInBulk() throws Exception {
        assertEquals(CountingInputStream.class,
                CountingInputStream.class.getDeclaredMethod("read", byte[].class, int.class, int.class).getDeclaringClass());
        Class<?> used = Class.forName("org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream", false,
                MqttWireMessage.class.getClassLoader());
        assertEquals(CountingInputStream.class, used);
    }

    @Test
    void publicMembers_matchPahosOwnClass_soAnUpgradeThatChangesThemIsNoticed() throws Exception {
        URL pahoJar = MqttWireMessage.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader onlyPaho = new URLClassLoader(new URL[] {pahoJar}, ClassLoader.getPlatformClassLoader())) {
            Class<?> pahos = onlyPaho.loadClass(CountingInputStream.class.getName());
            assertNotEquals(CountingInputStream.class, pahos);
            Set<String> ours = publicMembers(CountingInputStream.class);
            ours.remove("read(byte[],int,int)");
            ours.remove("skip(long)");
            assertEquals(publicMembers(pahos), ours);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 127, 128, 433, 16_384, 300_000})
    void aPublishDecodedThroughIt_keepsTopicPropertiesAndPayload(int payloadBytes) throws Exception {
        byte[] payload = new byte[payloadBytes];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        MqttMessage message = new MqttMessage(payload, 1, false, new MqttProperties());
        MqttProperties properties = new MqttProperties();
        properties.setContentType("application/octet-stream");
        message.setProperties(properties);
        MqttPublish publish = new MqttPublish("herdgate/gw/collar/0011223344556677/up", message, properties);
        publish.setMessageId(4711);

        MqttWireMessage decoded = MqttWireMessage.createWireMessage(wire(publish));

        MqttPublish p = (MqttPublish) decoded;
        assertEquals("herdgate/gw/collar/0011223344556677/up", p.getTopicName());
        assertEquals(4711, p.getMessageId());
        assertEquals("application/octet-stream", p.getProperties().getContentType());
        assertArrayEquals(payload, p.getMessage().getPayload());
    }

    @Test
    void everyReadPath_countsExactlyAsPahosOwnClassCounts() throws Exception {
        URL pahoJar = MqttWireMessage.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader onlyPaho = new URLClassLoader(new URL[] {pahoJar}, ClassLoader.getPlatformClassLoader())) {
            Class<?> pahos = onlyPaho.loadClass(CountingInputStream.class.getName());
            byte[] data = new byte[100];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (255 - i);
            }
            InputStream original = (InputStream) pahos.getConstructor(InputStream.class).newInstance(new ByteArrayInputStream(data));
            CountingInputStream copy = new CountingInputStream(new ByteArrayInputStream(data));
            java.lang.reflect.Method originalCounter = pahos.getMethod("getCounter");

            List<String> steps = List.of("read", "bulk 10", "readFully 20", "skip 7", "bulk 0", "read", "readFully 50",
                    "skip 30", "bulk 16", "read", "skip 5");
            for (String step : steps) {
                assertEquals(apply(step, original), apply(step, copy), step);
                assertEquals(originalCounter.invoke(original), copy.getCounter(), "counter after " + step);
            }
            assertEquals(100, copy.getCounter());
        }
    }

    /** What one read step returns (bytes as text), on either class. */
    private static String apply(String step, InputStream in) throws Exception {
        String[] s = step.split(" ");
        return switch (s[0]) {
            case "read" -> String.valueOf(in.read());
            case "bulk" -> {
                byte[] b = new byte[Integer.parseInt(s[1]) + 4];
                int n = in.read(b, 2, Integer.parseInt(s[1]));
                yield n + " " + Arrays.toString(b);
            }
            case "readFully" -> {
                byte[] b = new byte[Integer.parseInt(s[1])];
                try {
                    new DataInputStream(in).readFully(b);
                    yield Arrays.toString(b);
                } catch (EOFException e) {
                    yield "EOF";
                }
            }
            case "skip" -> String.valueOf(in.skip(Integer.parseInt(s[1])));
            default -> throw new IllegalArgumentException(step);
        };
    }

    @Test
    void pahosPacketClasses_stillReadThroughThisClass() throws Exception {
        // A Paho upgrade that moved or renamed the class would leave the copy unused without failing.
        String name = CountingInputStream.class.getName().replace('.', '/');
        for (Class<?> c : List.of(MqttWireMessage.class, MqttPublish.class)) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                assertTrue(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(name), c.getName());
            }
        }
    }

    @Test
    void counter_countsBulkAndSingleReads_andNothingAtTheEnd() throws Exception {
        CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(new byte[10]));
        DataInputStream data = new DataInputStream(in);
        data.readUnsignedByte();
        data.readFully(new byte[6]);
        assertEquals(7, in.getCounter());
        assertEquals(3, in.read(new byte[8], 0, 8));
        assertEquals(-1, in.read(new byte[8], 0, 8));
        assertEquals(-1, in.read());
        assertEquals(10, in.getCounter());
        in.resetCounter();
        assertEquals(0, in.getCounter());
    }

    private static byte[] wire(MqttWireMessage m) throws Exception {
        byte[] header = m.getHeader();
        byte[] body = m.getPayload();
        byte[] all = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        return all;
    }

    private static Set<String> publicMembers(Class<?> c) {
        return Stream.concat(Arrays.stream(c.getDeclaredMethods()), Arrays.stream(c.getDeclaredConstructors()))
                .filter(m -> Modifier.isPublic(((Member) m).getModifiers()))
                .map(m -> (m instanceof java.lang.reflect.Method mm ? mm.getName() : "<init>") + "("
                        + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(","))
                        + ")")
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
