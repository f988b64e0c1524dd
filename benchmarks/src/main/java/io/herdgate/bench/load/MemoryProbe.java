package io.herdgate.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The gateway's memory as the operating system and the JVM see it: RSS now and at its peak
 * ({@code /proc/<pid>/status}), heap used and committed ({@code jstat}), and, when the gateway runs with
 * {@code -XX:NativeMemoryTracking=summary}, the JVM's own account written to a file
 * ({@code jcmd <pid> VM.native_memory summary}).
 */
final class MemoryProbe {

    private MemoryProbe() {
    }

    /** One line: RSS now and peak in MB, heap used of committed; names the NMT file when one was written. */
    static String describe(GatewayProcess gw, Path nmtFile) throws IOException {
        String heap = gw.heapKb().map(h -> String.format(Locale.ROOT, "heap %.1f MB used of %.1f MB committed",
                h[0] / 1024.0, h[1] / 1024.0)).orElse("heap not readable (no jstat)");
        String line = String.format(Locale.ROOT, "RSS %d MB now, peak %d MB; %s", gw.statusKb("VmRSS") / 1024,
                gw.statusKb("VmHWM") / 1024, heap);
        return nativeMemory(gw.pid(), nmtFile) ? line + "; NMT summary in " + nmtFile : line;
    }

    /** Writes {@code jcmd VM.native_memory summary} to {@code file}; false when NMT is off or jcmd missing. */
    private static boolean nativeMemory(long pid, Path file) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "VM.native_memory", "summary").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0 || !out.contains("Total:")) {
                return false;
            }
            Files.writeString(file, out);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
