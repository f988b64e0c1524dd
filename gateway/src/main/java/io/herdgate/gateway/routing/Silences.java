package io.herdgate.gateway.routing;

import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.Durability;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.series.CowId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Silences in table {@code silence} (durability FULL: a vet's silence must survive a restart). */
public final class Silences {

    /** The longest silence one may set. */
    public static final Duration MAX_LENGTH = Duration.ofDays(30);

    private final Database db;

    private Silences(Database db) {
        this.db = db;
    }

    public static Silences of(Database db) {
        return new Silences(Objects.requireNonNull(db, "db"));
    }

    /**
     * Adds a silence.
     *
     * @throws IllegalArgumentException when it does not end after it starts, is longer than
     *                                  {@link #MAX_LENGTH}, or author or reason is blank
     */
    public Silence add(Optional<CowId> cow, Optional<AlarmType> type, Instant start, Instant end, String author,
                       String reason) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a silence must end after it starts: " + start + " .. " + end);
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("a silence may last at most " + MAX_LENGTH.toDays() + " days");
        }
        if (author.isBlank() || reason.isBlank()) {
            throw new IllegalArgumentException("a silence needs an author and a reason");
        }
        long id = db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO silence (cow, type, start_ms, end_ms, author, reason) "
                    + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                s.setString(1, cow.map(CowId::value).orElse(null));
                s.setString(2, type.map(AlarmType::jsonName).orElse(null));
                s.setLong(3, start.toEpochMilli());
                s.setLong(4, end.toEpochMilli());
                s.setString(5, author.strip());
                s.setString(6, reason.strip());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new Silence(SilenceId.of(id), cow, type, start, end, author.strip(), reason.strip());
    }

    /**
     * Ends a silence at {@code at}: it no longer counts from then on, and its end becomes {@code at} (if it
     * had not ended by then). False when there is no such silence.
     */
    public boolean lift(SilenceId id, Instant at) {
        return db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE silence SET lifted_ms = ?, end_ms = max(start_ms + 1, "
                    + "min(end_ms, ?)) WHERE id = ?")) {
                s.setLong(1, at.toEpochMilli());
                s.setLong(2, at.toEpochMilli());
                s.setLong(3, id.value());
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Silences neither ended nor lifted at {@code at} (also those starting later), by start; immutable. */
    public List<Silence> current(Instant at) {
        return query("end_ms > " + at.toEpochMilli() + " AND (lifted_ms IS NULL OR lifted_ms > " + at.toEpochMilli() + ")");
    }

    /** The first silence matching an alarm of {@code cow} and {@code type} at {@code at}, if any. */
    public Optional<Silence> matching(CowId cow, AlarmType type, Instant at) {
        return current(at).stream().filter(s -> s.matches(cow, type, at)).findFirst();
    }

    private List<Silence> query(String where) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, cow, type, start_ms, end_ms, author, reason "
                    + "FROM silence WHERE " + where + " ORDER BY start_ms, id");
                 ResultSet rs = s.executeQuery()) {
                List<Silence> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Silence(SilenceId.of(rs.getLong(1)), Optional.ofNullable(rs.getString(2)).map(CowId::of),
                            Optional.ofNullable(rs.getString(3)).flatMap(AlarmType::fromJsonName),
                            Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6),
                            rs.getString(7)));
                }
                return List.copyOf(out);
            }
        });
    }
}
