package io.herdgate.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway as a child JVM ({@code java -Xmx.. -jar herdgate.jar run --config ..}), so that its memory
 * and disk writes are its own; read through {@code /proc/<pid>} and its HTTP surface.
 */
final class GatewayProcess implements AutoCloseable {

    /** USER_HZ of Linux on every architecture the gateway runs on. */
    private static final long CLOCK_TICKS = 100;

    private final Process process;
    private final URI base;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final long spawnedAtNanos;

    private GatewayProcess(Process process, URI base, Path dataDir, long spawnedAtNanos) {
        this.process = process;
        this.base = base;
        this.dataDir = dataDir;
        this.spawnedAtNanos = spawnedAtNanos;
    }

    /**
     * @param jvmOptions the JVM options in order (a later option wins over an earlier one)
     */
    static GatewayProcess start(Path jar, List<String> jvmOptions, Path config, int httpPort, Path dataDir, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString(), "run", "--config", config.toString()));
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // As the packaged unit does: few glibc malloc arenas, or every thread's arena counts towards RSS.
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        Process p = pb.start();
        return new GatewayProcess(p, URI.create("http://127.0.0.1:" + httpPort), dataDir, t0);
    }

    /** Whether the JVM the gateway runs on starts with {@code options} and {@code option} (as the launcher tries it). */
    static boolean accepts(List<String> options, String option) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary()));
        cmd.addAll(options);
        cmd.addAll(List.of(option, "-version"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor() == 0;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Polls {@code /health} until its status is {@code ok}; returns the time from spawn to that answer. */
    Duration awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("gateway exited with " + process.exitValue() + " before it was healthy");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"status\":\"ok\"")) {
                    return Duration.ofNanos(System.nanoTime() - spawnedAtNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IOException("gateway not healthy within " + timeout);
    }

    /** {@code POST}s JSON to the local API with the gateway's bearer token; returns the status and body. */
    HttpResponse<String> api(String method, String path, String json) throws IOException, InterruptedException {
        String token = Files.readString(dataDir.resolve("api-token")).strip();
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The Prometheus samples of {@code /metrics}: {@code name{labels}} to value. */
    Map<String, Double> metrics() throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int sp = line.lastIndexOf(' ');
            out.put(line.substring(0, sp), Double.parseDouble(line.substring(sp + 1)));
        }
        return out;
    }

    /** A field of {@code /proc/<pid>/status} in kB (e.g. VmRSS, VmHWM). */
    long statusKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
            }
        }
        throw new IOException("no " + field + " in /proc/" + process.pid() + "/status");
    }

    /** CPU time the gateway process has used so far (user + system), from {@code /proc/<pid>/stat}. */
    Duration cpu() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // fields after the command name, which is in parentheses and may contain spaces
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS);
    }

    /** Bytes the gateway process asked to be written ({@code wchar}) and sent to the block device. */
    long[] io() throws IOException {
        long wchar = -1;
        long writeBytes = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "io"))) {
            if (line.startsWith("wchar:")) {
                wchar = Long.parseLong(line.substring(6).strip());
            } else if (line.startsWith("write_bytes:")) {
                writeBytes = Long.parseLong(line.substring(12).strip());
            }
        }
        return new long[] {wchar, writeBytes};
    }

    /**
     * Heap in use and committed, in kB, from {@code jstat -gc} (survivors + eden + old); empty when jstat
     * is not available.
     */
    Optional<long[]> heapKb() {
        return jstatGc().map(gc -> new long[] {
            Math.round(gc.get("S0U") + gc.get("S1U") + gc.get("EU") + gc.get("OU")),
            Math.round(gc.get("S0C") + gc.get("S1C") + gc.get("EC") + gc.get("OC"))});
    }

    /**
     * Collections so far: {young count, young seconds, full count, full seconds} from {@code jstat -gc};
     * empty when jstat is not available.
     */
    Optional<double[]> gc() {
        return jstatGc().map(gc -> new double[] {gc.get("YGC"), gc.get("YGCT"), gc.get("FGC"), gc.get("FGCT")});
    }

    /** The columns of {@code jstat -gc} by name; empty when jstat is not available. */
    private Optional<Map<String, Double>> jstatGc() {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc",
                    Long.toString(process.pid())).redirectErrorStream(true).start();
            String[] lines = new String(p.getInputStream().readAllBytes()).strip().split("\n");
            if (p.waitFor() != 0 || lines.length < 2) {
                return Optional.empty();
            }
            String[] head = lines[0].trim().split("\\s+");
            String[] v = lines[1].trim().split("\\s+");
            Map<String, Double> out = new LinkedHashMap<>();
            for (int i = 0; i < head.length && i < v.length; i++) {
                out.put(head[i], v[i].equals("-") ? 0 : Double.parseDouble(v[i]));
            }
            return Optional.of(out);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Stops the gateway with SIGTERM (it flushes what it holds) and returns its I/O counters as last read
     * before it exited, so the writes of the final flush are counted.
     */
    long[] stopAndReadIo() throws IOException, InterruptedException {
        long[] last = io();
        process.destroy();
        while (process.isAlive()) {
            try {
                last = io();
            } catch (IOException gone) {
                break;
            }
            Thread.sleep(5);
        }
        return last;
    }

    /** Stops the gateway with SIGTERM and waits for it to exit; false when it is still running after {@code timeout}. */
    boolean stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The gateway's data directory (database, API token). */
    Path dataDir() {
        return dataDir;
    }

    /** The operating system's id of the gateway's JVM. */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
