package io.herdgate.gateway.store;

import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Per-minute observations in table {@code feature_minute}, buffered in memory and written in one
 * transaction per {@link FlushPolicy} with {@link Durability#NORMAL}: the history is for charts and
 * vets, so a power cut may cost the unwritten minutes, but the card sees one burst of full pages per
 * interval instead of a write per row. Measures are stored at the resolution {@link FeatureColumn} gives.
 * A second observation for the same cow and start replaces the first. Thread-safe.
 */
public final class FeatureHistory {

    private static final String INSERT = "INSERT OR REPLACE INTO feature_minute (start_s, cow_id, length_s, "
            + columns() + ") VALUES (?, ?, ?" + ", ?".repeat(FeatureColumn.values().length) + ")";

    private final Database db;
    private final FlushPolicy policy;
    private final Clock clock;
    private final List<Observation> buffer = new ArrayList<>();
    private Instant lastFlush;

    private FeatureHistory(Database db, FlushPolicy policy, Clock clock) {
        this.db = db;
        this.policy = policy;
        this.clock = clock;
        this.lastFlush = clock.instant();
    }

    public static FeatureHistory of(Database db, FlushPolicy policy, Clock clock) {
        return new FeatureHistory(Objects.requireNonNull(db, "db"), Objects.requireNonNull(policy, "policy"),
                Objects.requireNonNull(clock, "clock"));
    }

    private static String columns() {
        return Arrays.stream(FeatureColumn.values()).map(FeatureColumn::column).collect(Collectors.joining(", "));
    }

    /** Buffers one observation and writes the buffer when the policy says it is due. */
    public synchronized void append(Observation o) {
        buffer.add(Objects.requireNonNull(o, "observation"));
        flushIfDue();
    }

    /** Writes the buffer if {@code maxRows} are waiting or the interval has passed; call it from a timer too. */
    public synchronized boolean flushIfDue() {
        boolean due = buffer.size() >= policy.maxRows()
                || !clock.instant().isBefore(lastFlush.plus(policy.interval()));
        if (due) {
            flush();
        }
        return due;
    }

    /**
     * Writes every buffered observation in one transaction (call it at shutdown).
     *
     * @return rows written
     * @throws StoreException when the write failed; the rows stay buffered for the next attempt
     */
    public synchronized int flush() {
        lastFlush = clock.instant();
        if (buffer.isEmpty()) {
            return 0;
        }
        List<Observation> rows = List.copyOf(buffer);
        db.write(Durability.NORMAL, c -> {
            Map<CowId, Long> ids = new HashMap<>();
            for (Observation o : rows) {
                if (!ids.containsKey(o.cow())) {
                    ids.put(o.cow(), Cows.ensure(c, o.cow()));
                }
            }
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                for (Observation o : rows) {
                    s.setLong(1, o.start().getEpochSecond());
                    s.setLong(2, ids.get(o.cow()));
                    s.setLong(3, o.length().toSeconds());
                    int i = 4;
                    for (FeatureColumn f : FeatureColumn.values()) {
                        OptionalLong v = f.stored(o);
                        if (v.isPresent()) {
                            s.setLong(i++, v.getAsLong());
                        } else {
                            s.setNull(i++, Types.INTEGER);
                        }
                    }
                    s.addBatch();
                }
                s.executeBatch();
            }
            return rows.size();
        });
        buffer.clear();
        return rows.size();
    }

    /** Observations waiting to be written. */
    public synchronized int pending() {
        return buffer.size();
    }

    /**
     * Deletes written observations that started more than {@code keep} before the clock's now.
     *
     * @return rows deleted
     */
    public int deleteOlderThan(Duration keep) {
        long cutoff = clock.instant().minus(keep).getEpochSecond();
        return db.write(Durability.NORMAL, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM feature_minute WHERE start_s < ?")) {
                s.setLong(1, cutoff);
                return s.executeUpdate();
            }
        });
    }

    /** The cow's written observations starting in {@code [from, to)}, by start; immutable. */
    public List<Observation> read(CowId cow, Instant from, Instant to) {
        return db.read(c -> {
            OptionalLong id = Cows.find(c, cow);
            if (id.isEmpty()) {
                return List.of();
            }
            List<Observation> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT start_s, length_s, " + columns()
                    + " FROM feature_minute WHERE start_s >= ? AND start_s < ? AND cow_id = ? ORDER BY start_s")) {
                s.setLong(1, from.getEpochSecond());
                s.setLong(2, to.getEpochSecond());
                s.setLong(3, id.getAsLong());
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        Observation.Builder b = Observation.builder(cow, Instant.ofEpochSecond(rs.getLong(1)),
                                Duration.ofSeconds(rs.getLong(2)));
                        int i = 3;
                        for (FeatureColumn f : FeatureColumn.values()) {
                            long v = rs.getLong(i);
                            if (!rs.wasNull()) {
                                f.restore(b, v);
                            }
                            i++;
                        }
                        out.add(b.build());
                    }
                }
            }
            return List.copyOf(out);
        });
    }
}
