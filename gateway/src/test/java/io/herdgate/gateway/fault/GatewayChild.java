package io.herdgate.gateway.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The driver's handle on a {@link ChildGateway} process. */
final class GatewayChild implements AutoCloseable {

    /** Frame and per-minute observation counts since the child started. */
    record Frames(long accepted, long rejected, long observations) {
        long handled() {
            return accepted + rejected;
        }
    }

    /** One alarm as the child's desk lists it. */
    record DeskLine(long id, String state, int messages, String note) {
    }

    private final Process process;
    private final BufferedReader in;
    private final PrintWriter out;
    private final Path log;

    private GatewayChild(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.out = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Starts the gateway of {@code config} with its clock at {@code now}; returns once it is ready. */
    static GatewayChild start(Path config, Instant now, Path log) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), ChildGateway.class.getName(), config.toString(), now.toString());
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        GatewayChild c = new GatewayChild(p, log);
        String first = c.in.readLine();
        if (!"ready".equals(first)) {
            p.destroyForcibly();
            throw new IllegalStateException("gateway did not start: " + first + " (log " + log + ")");
        }
        return c;
    }

    /** Moves the child's time to {@code t} and runs its due jobs. */
    Frames at(Instant t) throws IOException {
        return frames(ask("at " + t.toEpochMilli()));
    }

    /** Moves the child's time to {@code t}; nothing runs. */
    Frames set(Instant t) throws IOException {
        return frames(ask("set " + t.toEpochMilli()));
    }

    Frames frames() throws IOException {
        return frames(ask("frames"));
    }

    void jump(Duration step) throws IOException {
        ask("jump " + step.toMillis());
    }

    List<DeskLine> alarms() throws IOException {
        out.println("alarms");
        List<DeskLine> lines = new ArrayList<>();
        for (String l; !"end".equals(l = readLine()); ) {
            String[] w = l.split(" ", 5);
            lines.add(new DeskLine(Long.parseLong(w[1]), w[2], Integer.parseInt(w[3]), w[4]));
        }
        return lines;
    }

    /** Sends {@code line} (e.g. {@code at ...}) without waiting for the answer: a kill may follow at once. */
    void send(String line) {
        out.println(line);
    }

    /** kill -9: no shutdown hook, no flush, no checkpoint. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A clean stop (history flushed, detector state saved). */
    void stop() throws IOException, InterruptedException {
        ask("stop");
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private String ask(String line) throws IOException {
        out.println(line);
        String answer = readLine();
        if (!answer.startsWith("ok") && !answer.equals("stopped")) {
            throw new IllegalStateException("child answered '" + answer + "' to '" + line + "' (log " + log + ")");
        }
        return answer;
    }

    private String readLine() throws IOException {
        String l = in.readLine();
        if (l == null) {
            throw new IllegalStateException("gateway process ended (exit " + (process.isAlive() ? "?" : process.exitValue())
                    + "), see " + log);
        }
        return l;
    }

    private static Frames frames(String answer) {
        String[] w = answer.split(" ");
        return new Frames(Long.parseLong(w[1]), Long.parseLong(w[2]), Long.parseLong(w[3]));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
