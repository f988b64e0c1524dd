package io.herdgate.gateway.upstream;

import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.Durability;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tinylog.Logger;

/**
 * The store-and-forward queue in table {@code upstream_queue} of the gateway database, bounded to
 * {@code capacity} messages. Alarm changes are written with {@code synchronous=FULL} (they must survive
 * a power cut), the rest with NORMAL. Thread-safe (the database serialises access).
 */
public final class UpstreamQueue {

    private final Database db;
    private final int capacity;
    private int size;
    private long dropped;

    private UpstreamQueue(Database db, int capacity, int size) {
        this.db = db;
        this.capacity = capacity;
        this.size = size;
    }

    /** @param capacity most messages kept, 1..10,000,000 */
    public static UpstreamQueue of(Database db, int capacity) {
        Objects.requireNonNull(db, "db");
        if (capacity < 1 || capacity > 10_000_000) {
            throw new IllegalArgumentException("upstream queue capacity must be 1..10000000: " + capacity);
        }
        int size = db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM upstream_queue")) {
                r.next();
                return r.getInt(1);
            }
        });
        return new UpstreamQueue(db, capacity, size);
    }

    /**
     * Appends a message and returns its seq; when the queue is then over capacity, deletes the oldest
     * message of the lowest importance present (possibly the new one's peers, never a more important one
     * while a less important one is queued).
     */
    public synchronized long add(UpstreamMessage message, Instant now) {
        Durability durability = message.importance() == 2 ? Durability.FULL : Durability.NORMAL;
        long[] result = db.write(durability, c -> {
            long seq;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO upstream_queue (topic, payload, retained,"
                    + " importance, queued_at) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, message.topic());
                p.setBytes(2, message.payload());
                p.setInt(3, message.retained() ? 1 : 0);
                p.setInt(4, message.importance());
                p.setLong(5, now.toEpochMilli());
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    seq = keys.getLong(1);
                }
            }
            int over = size + 1 - capacity;
            int deleted = 0;
            if (over > 0) {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM upstream_queue WHERE seq IN (SELECT seq"
                        + " FROM upstream_queue ORDER BY importance, seq LIMIT ?)")) {
                    d.setInt(1, over);
                    deleted = d.executeUpdate();
                }
            }
            return new long[] {seq, deleted};
        });
        size = size + 1 - (int) result[1];
        if (result[1] > 0) {
            if (dropped == 0) {
                Logger.warn("Upstream queue full ({} messages): dropping the oldest of the least important", capacity);
            }
            dropped += result[1];
        }
        return result[0];
    }

    /** Up to {@code max} of the oldest messages, in seq order; they stay queued until {@link #remove}. */
    public List<QueuedMessage> peek(int max) {
        return db.read(c -> {
            List<QueuedMessage> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT seq, topic, payload, retained, importance"
                    + " FROM upstream_queue ORDER BY seq LIMIT ?")) {
                p.setInt(1, max);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(QueuedMessage.of(r.getLong(1), UpstreamMessage.of(r.getString(2), r.getBytes(3),
                                r.getInt(4) == 1, r.getInt(5))));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    /** Deletes delivered messages (unknown seqs are ignored: they may have been dropped meanwhile). */
    public synchronized void remove(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        int deleted = db.write(Durability.NORMAL, c -> {
            int n = 0;
            try (PreparedStatement p = c.prepareStatement("DELETE FROM upstream_queue WHERE seq = ?")) {
                for (long seq : seqs) {
                    p.setLong(1, seq);
                    n += p.executeUpdate();
                }
            }
            return n;
        });
        size -= deleted;
    }

    /** Messages waiting now. */
    public synchronized int size() {
        return size;
    }

    /** Messages dropped because the queue was full, since this object was made. */
    public synchronized long dropped() {
        return dropped;
    }

    public int capacity() {
        return capacity;
    }
}
