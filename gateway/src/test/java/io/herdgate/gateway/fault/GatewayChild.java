package io.herdgate.gateway.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The driver's handle on a {@link ChildGateway} process. Every answer is awaited at most a bounded time:
 * a child that hangs or dies ends the run with a {@link FaultRunStalled} naming the command and the log,
 * never a blocked test.
 */
final class GatewayChild implements AutoCloseable {

    /** Longest wait for {@code ready}: a loaded two-core machine has taken 21 s. */
    static final Duration START_LIMIT = Duration.ofSeconds(120);
    /** Longest wait for any other answer (a schedule run waits for the outbox's delivery pass). */
    static final Duration ANSWER_LIMIT = Duration.ofSeconds(60);
    private static final String EOF = "\u0000eof";

    /**
     * Frame and per-minute observation counts since the child started.
     *
     * @param late the child gave up waiting for the frames it was told to expect
     */
    record Frames(long accepted, long rejected, long observations, boolean late) {
        long handled() {
            return accepted + rejected;
        }
    }

    /** One alarm the child's desk lists, with the messages queued for it. */
    record DeskLine(long id, int messages) {
    }

    private final Process process;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final PrintWriter out;
    private final Path log;

    private GatewayChild(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.out = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "fault-suite-child-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the gateway of {@code config} with its clock at {@code now}, with the JVM options the package
     * ships ({@code jvm}); returns once it is ready.
     */
    static GatewayChild start(Path config, Instant now, Path log, List<String> jvm) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildGateway.class.getName(),
                config.toString(), now.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        GatewayChild c = new GatewayChild(p, log);
        String first = c.answer("start", START_LIMIT);
        if (!"ready".equals(first)) {
            p.destroyForcibly();
            throw new FaultRunStalled("the gateway did not start: it answered '" + first + "'\n" + c.logTail());
        }
        return c;
    }

    /**
     * Waits (in the child, at most {@link ChildGateway#QUIET_LIMIT}) until it has handled {@code handled}
     * frames, moves its time to {@code t} and runs its due jobs.
     */
    Frames at(Instant t, long handled) {
        return frames(ask("at " + t.toEpochMilli() + " " + handled));
    }

    /** As {@link #at}, but nothing runs: a frame is about to arrive at {@code t}. */
    Frames set(Instant t, long handled) {
        return frames(ask("set " + t.toEpochMilli() + " " + handled));
    }

    Frames frames() {
        return frames(ask("frames"));
    }

    /** Frames rejected since the child started, by reason (as its {@code /health} reports them). */
    Map<String, Long> rejected() {
        Map<String, Long> m = new TreeMap<>();
        for (String pair : ask("rejected").substring(2).strip().split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
            }
        }
        return m;
    }

    /** Waits (at most {@code limit}) until the child's links are all up; fails the run otherwise. */
    void awaitLinksUp(Duration limit) {
        String a = ask("links " + limit.toMillis(), limit.plus(ANSWER_LIMIT));
        if (!a.equals("ok up")) {
            throw new FaultRunStalled("the gateway's links did not come up within " + limit.toSeconds() + " s: " + a.substring(3)
                    + "\n" + logTail());
        }
    }

    void jump(Duration step) {
        ask("jump " + step.toMillis());
    }

    List<DeskLine> alarms() {
        out.println("alarms");
        List<DeskLine> lines = new ArrayList<>();
        for (String l; !"end".equals(l = answer("alarms", ANSWER_LIMIT)); ) {
            String[] w = l.split(" ");
            lines.add(new DeskLine(Long.parseLong(w[1]), Integer.parseInt(w[2])));
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
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new FaultRunStalled("the gateway process " + process.pid() + " did not end within 30 s of SIGKILL");
        }
    }

    /** A clean stop (history flushed, detector state saved). */
    void stop() throws InterruptedException {
        ask("stop");
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new FaultRunStalled("the gateway did not exit within 30 s of a clean stop\n" + logTail());
        }
    }

    /** The end of the child's log, for a report. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "last lines of " + log + ":\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    private String ask(String line) {
        return ask(line, ANSWER_LIMIT);
    }

    private String ask(String line, Duration limit) {
        out.println(line);
        String answer = answer(line, limit);
        if (!answer.startsWith("ok") && !answer.equals("stopped")) {
            throw new FaultRunStalled("the gateway answered '" + answer + "' to '" + line + "'\n" + logTail());
        }
        return answer;
    }

    private String answer(String command, Duration limit) {
        String l;
        try {
            l = answers.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaultRunStalled("interrupted waiting for the gateway's answer to '" + command + "'");
        }
        if (l == null) {
            throw new FaultRunStalled("the gateway gave no answer to '" + command + "' within " + limit.toSeconds()
                    + " s\n" + logTail());
        }
        if (l.equals(EOF)) {
            answers.add(EOF); // every later question fails the same way
            throw new FaultRunStalled("the gateway process ended (exit " + exit().map(String::valueOf).orElse("?")
                    + ") before answering '" + command + "'\n" + logTail());
        }
        return l;
    }

    private Optional<Integer> exit() {
        try {
            return process.waitFor(1, TimeUnit.SECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = in.readLine()) != null; ) {
                answers.add(l);
            }
        } catch (IOException e) {
            // the process is gone; EOF below says so
        }
        answers.add(EOF);
    }

    private static Frames frames(String answer) {
        String[] w = answer.split(" ");
        return new Frames(Long.parseLong(w[1]), Long.parseLong(w[2]), Long.parseLong(w[3]), w[4].equals("late"));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
