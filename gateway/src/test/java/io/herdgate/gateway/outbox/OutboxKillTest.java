package io.herdgate.gateway.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child JVM ({@code kill -9}, {@link Process#destroyForcibly()}) while it sends from the
 * outbox, restarts it on the same SQLite file, and counts what the recipient saw: every notification at
 * least once, and at most one duplicate per kill (the row whose provider call had completed but whose
 * "sent" mark had not been committed; the same row may be that one at two kills in a row).
 */
class OutboxKillTest {

    private static final int MESSAGES = 400;
    private static final int KILLS = 8;
    private static final long LATENCY_MS = 15;

    @TempDir
    Path dir;

    @Test
    void killedMidSend_losesNothing_andDuplicatesAtMostOneMessagePerKill() throws Exception {
        Path db = dir.resolve("h.db");
        Path recipient = dir.resolve("recipient.txt");
        SplittableRandom random = new SplittableRandom(42);
        List<Long> runStarts = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            long before = lines(recipient);
            runStarts.add(before);
            Process child = start(db, recipient);
            awaitReady(child);
            // Kill at a random moment once the child is really sending.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lines(recipient) == before && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Thread.sleep(random.nextInt(300));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "killed child exits");
            assertTrue(lines(recipient) > before, "the child was sending when it was killed");
        }
        runStarts.add(lines(recipient));
        Process last = start(db, recipient);
        awaitReady(last);
        assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the last run finishes");
        assertEquals(0, last.exitValue(), new String(last.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));

        List<String> sent = Files.readAllLines(recipient);
        Map<String, Integer> seen = new HashMap<>();
        for (String key : sent) {
            seen.merge(key, 1, Integer::sum);
        }
        runStarts.add((long) sent.size());
        for (int run = 0; run + 1 < runStarts.size(); run++) {
            List<String> ofRun = sent.subList(runStarts.get(run).intValue(), runStarts.get(run + 1).intValue());
            assertEquals(ofRun.size(), new HashSet<>(ofRun).size(), "a message sent twice within run " + run + ": " + ofRun);
        }
        int duplicates = seen.values().stream().mapToInt(c -> c - 1).sum();
        System.out.printf("outbox kill test: %d messages, %d kills, %d duplicate deliveries seen by the recipient%n",
                MESSAGES, KILLS, duplicates);
        assertEquals(MESSAGES, seen.size(), "every notification reached the recipient");
        // Only a kill may repeat a message, and each kill at most the one whose call had completed and whose
        // "sent" mark had not been committed. The same message may be that one at two kills in a row (its
        // re-send is the first call after the restart, and the next kill can come before that re-send's mark),
        // so a message may be seen three times in all, never twice within one run.
        assertTrue(duplicates <= KILLS, duplicates + " duplicates after " + KILLS + " kills: " + seen);
    }

    private static long lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    private static Process start(Path db, Path recipient) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", classpath, KilledSender.class.getName(), db.toString(),
                recipient.toString(), Integer.toString(MESSAGES), Long.toString(LATENCY_MS)))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void awaitReady(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.equals("ready")) {
            line = out.readLine(); // the child's log lines
        }
        assertEquals("ready", line, "child started");
    }
}
