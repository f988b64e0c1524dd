package io.herdgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar the package installs holds the gateway's copy of Paho's {@code CountingInputStream}
 * (bulk reads) and not Paho's own, and Paho's packet classes in it still read through that class, so a
 * Paho upgrade that renames or moves it fails the build instead of silently dropping the fix.
 */
class ShippedJarTest {

    private static final Path JAR = Path.of("../gateway/target/herdgate.jar");
    private static final String COUNTING = "org/eclipse/paho/mqttv5/common/packet/util/CountingInputStream";

    @BeforeAll
    static void jarIsBuilt() {
        if (!Files.isRegularFile(JAR)) {
            String why = JAR.toAbsolutePath().normalize() + " not built (mvn -B package builds the gateway before this module)";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }

    @Test
    void jar_holdsExactlyOneCountingInputStream_andItIsTheGatewaysBulkOne() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            long copies = jar.stream().filter(e -> e.getName().endsWith("/CountingInputStream.class")
                    && e.getName().startsWith("org/eclipse/paho/")).count();
            assertEquals(1, copies, "CountingInputStream classes of Paho in the jar");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> c = loader.loadClass(COUNTING.replace('/', '.'));
            assertEquals(c, c.getDeclaredMethod("read", byte[].class, int.class, int.class).getDeclaringClass());
        }
    }

    @Test
    void pahosPacketClassesInTheJar_stillReadThroughIt() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (String cls : List.of("org/eclipse/paho/mqttv5/common/packet/MqttWireMessage.class",
                    "org/eclipse/paho/mqttv5/common/packet/MqttPublish.class")) {
                var entry = jar.getJarEntry(cls);
                assertTrue(entry != null, cls + " not in the jar");
                try (InputStream in = jar.getInputStream(entry)) {
                    assertTrue(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(COUNTING), cls);
                }
            }
        }
    }
}
