package io.herdgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.launch.JvmOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JVM options the package ships (/usr/share/herdgate/jvm.options) are taken by this JVM as they are:
 * no unknown option, none ignored with a warning (e.g. a G1-only option beside the serial collector).
 */
class ShippedJvmOptionsTest {

    private static final Path OPTIONS = Path.of("src/deb/share/jvm.options");
    private static final Path OPTIONAL = Path.of("src/deb/share/jvm-optional.options");

    @Test
    void shippedOptions_startTheJvmWithoutAWarning() throws IOException, InterruptedException {
        assertStartsWithoutAWarning(options());
    }

    /**
     * The launcher adds each optional option only where the JVM accepts it; on the Java the project builds
     * with every one must be accepted without a warning, or the file holds an option that never applies.
     */
    @Test
    void optionalOptions_areAcceptedBesideTheShippedOnesByTheBuildJvm() throws IOException, InterruptedException {
        List<String> optional = JvmOptions.read(OPTIONAL);
        assertTrue(optional.contains("-XX:TrimNativeHeapInterval=5000"), optional.toString());

        List<String> all = new ArrayList<>(options());
        all.addAll(optional);
        assertStartsWithoutAWarning(all);
    }

    private static void assertStartsWithoutAWarning(List<String> options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(options);
        cmd.add("-version");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java -version did not finish");

        assertEquals(0, p.exitValue(), out);
        assertTrue(out.lines().noneMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("warning")), out);
    }

    @Test
    void shippedOptions_capTheHeapAndPickTheSerialCollector() throws IOException {
        List<String> o = options();

        assertTrue(o.contains("-Xmx64m"), o.toString());
        assertTrue(o.contains("-XX:+UseSerialGC"), o.toString());
        assertTrue(o.stream().noneMatch(s -> s.startsWith("-XX:SharedArchiveFile") || s.startsWith("-XX:ArchiveClassesAtExit")),
                "class-data sharing is the launcher's, which checks the archive is current: " + o);
    }

    /** As /usr/bin/herdgate reads the file. */
    private static List<String> options() throws IOException {
        return JvmOptions.read(OPTIONS);
    }
}
