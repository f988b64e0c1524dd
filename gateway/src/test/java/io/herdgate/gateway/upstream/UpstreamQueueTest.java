package io.herdgate.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.gateway.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamQueueTest {

    private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");

    @TempDir
    Path dir;

    private static UpstreamMessage message(String name, int importance) {
        return UpstreamMessage.of("t/" + name, ("{\"n\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8), false,
                importance);
    }

    private static List<String> topics(List<QueuedMessage> queued) {
        return queued.stream().map(q -> q.message().topic()).toList();
    }

    @Test
    void peek_givesMessagesInQueueOrder_untilRemoved() {
        try (Database db = Database.open(dir.resolve("herdgate.db"))) {
            UpstreamQueue queue = UpstreamQueue.of(db, 10);
            long a = queue.add(message("a", 0), NOW);
            long b = queue.add(message("b", 2), NOW);
            queue.add(message("c", 1), NOW);

            assertEquals(List.of("t/a", "t/b"), topics(queue.peek(2)));
            queue.remove(List.of(a, b));
            assertEquals(List.of("t/c"), topics(queue.peek(10)));
            assertEquals(1, queue.size());
            assertEquals(b + 1, queue.peek(1).get(0).seq());
        }
    }

    @Test
    void add_whenFull_dropsTheOldestOfTheLeastImportantFirst() {
        try (Database db = Database.open(dir.resolve("herdgate.db"))) {
            UpstreamQueue queue = UpstreamQueue.of(db, 3);
            queue.add(message("alarm1", 2), NOW);
            queue.add(message("feature1", 0), NOW);
            queue.add(message("status1", 1), NOW);
            queue.add(message("feature2", 0), NOW);   // drops feature1
            queue.add(message("alarm2", 2), NOW);     // drops feature2
            queue.add(message("alarm3", 2), NOW);     // drops status1

            assertEquals(List.of("t/alarm1", "t/alarm2", "t/alarm3"), topics(queue.peek(10)));
            assertEquals(3, queue.dropped());
            queue.add(message("alarm4", 2), NOW);     // only alarms left: the oldest goes
            assertEquals(List.of("t/alarm2", "t/alarm3", "t/alarm4"), topics(queue.peek(10)));
            assertEquals(3, queue.size());
        }
    }

    @Test
    void queue_survivesReopeningTheDatabase_withSeqStillRising() {
        Path file = dir.resolve("herdgate.db");
        long last;
        try (Database db = Database.open(file)) {
            UpstreamQueue queue = UpstreamQueue.of(db, 10);
            queue.add(message("a", 2), NOW);
            last = queue.add(message("b", 0), NOW);
            queue.remove(List.of(last));
        }
        try (Database db = Database.open(file)) {
            UpstreamQueue queue = UpstreamQueue.of(db, 10);

            assertEquals(1, queue.size());
            assertEquals(List.of("t/a"), topics(queue.peek(10)));
            assertEquals(last + 1, queue.add(message("c", 0), NOW), "seq never reused, even after deletion");
        }
    }

    @Test
    void wirePayload_carriesTheSeq() {
        try (Database db = Database.open(dir.resolve("herdgate.db"))) {
            UpstreamQueue queue = UpstreamQueue.of(db, 10);
            UpstreamCodec codec = UpstreamCodec.of("herdgate", GatewayName.of("farm1"));
            long seq = queue.add(codec.encode(UpstreamEvent.GatewayHealth.of("ok", List.of(), NOW)), NOW);

            assertEquals("{\"type\":\"health\",\"gateway\":\"farm1\",\"seq\":" + seq
                    + ",\"status\":\"ok\",\"reasons\":[],\"at\":\"2026-11-21T06:00:00Z\"}",
                    new String(queue.peek(1).get(0).wirePayload(), StandardCharsets.UTF_8));
        }
    }
}
