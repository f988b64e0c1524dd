package io.herdgate.gateway.outbox;

import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.Durability;
import io.herdgate.gateway.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * The outbox table. Every change commits with {@link Durability#FULL} (a notification accepted here survives a
 * power cut or a kill), except the mark that a send is in flight ({@link Durability#NORMAL}: it survives a kill,
 * and if a power cut loses it the row is re-sent all the same). Thread-safe (the database serialises).
 *
 * <p>A critical row due at once is also handed to the delivery workers in memory once its transaction has
 * committed ({@link Handoff}), and its first send is claimed there, without the {@code in_flight} mark: nothing
 * between the commit and the channel call waits for the database. What that means when the process stops
 * mid-send:
 * <ul>
 * <li>kill -9 (or a crash) before the provider took the message: the row is {@code pending} (committed FULL
 *     before the hand-off) and is sent at the next start;</li>
 * <li>kill -9 after the provider took it, before the {@code sent} commit: the row is {@code pending} and is
 *     sent again at the next start: the recipient sees it twice, exactly as for a row that was {@code in_flight};
 *     the start's warning counts both (it cannot tell them apart, so it says "may");</li>
 * <li>a power cut: the same as a kill, as the row's FULL commit came before the hand-off; a {@code sent} commit
 *     is FULL too, so a row marked sent stays sent.</li>
 * </ul>
 * At least once either way; the in-flight mark only ever served to say which rows might be duplicates.
 *
 * <p>Opening it returns rows found {@code in_flight} to {@code pending}: the process died while a channel
 * was being asked, so the provider may or may not have taken the message; it is sent again (at least once).
 */
public final class Outbox {

    private static final String COLUMNS = "id, body, state, channel, channel_since_ms, attempts, created_ms, due_ms, "
            + "provider_id, delivery, last_error";

    private final Database db;
    private final OutboxSettings settings;
    private final Clock clock;
    private final OutboxWatcher watcher;
    private final int recovered;
    private final Handoff handoff = new Handoff();
    private boolean full;

    private Outbox(Database db, OutboxSettings settings, Clock clock, OutboxWatcher watcher) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
        this.watcher = watcher;
        this.recovered = db.write(Durability.FULL, c -> update(c,
                "UPDATE outbox SET state = 'pending' WHERE state = 'in_flight'"));
        // A critical row's first send is not marked in flight (see the class): one never tried may have been under way.
        int untried = db.read(c -> count(c, "SELECT count(*) FROM outbox WHERE state = 'pending' AND attempts = 0 "
                + "AND priority = " + Priority.CRITICAL.ordinal()));
        if (recovered > 0 || untried > 0) {
            Logger.warn("outbox: {} notification(s) were being sent when the gateway stopped, and {} critical one(s) "
                    + "may have been; sending them now (a recipient may see one of them twice)", recovered, untried);
        }
    }

    /** Opens the outbox in {@code db} (schema version 3 or later), recovering interrupted sends. */
    public static Outbox open(Database db, OutboxSettings settings, Clock clock, OutboxWatcher watcher) {
        return new Outbox(Objects.requireNonNull(db), Objects.requireNonNull(settings), Objects.requireNonNull(clock),
                Objects.requireNonNull(watcher));
    }

    public OutboxSettings settings() {
        return settings;
    }

    /** Rows that were in flight when the outbox was last closed uncleanly, and went back to pending. */
    public int recoveredOnOpen() {
        return recovered;
    }

    /**
     * Stores {@code n} to go out on channel {@code first}, due now. A key already present (any state) adds
     * nothing. When the outbox is full, the least urgent, newest pending row of a lower priority is dropped
     * to make room; if there is none, the notification is refused.
     */
    public EnqueueResult enqueue(Notification n, ChannelName first) {
        return enqueue(n, first, clock.instant());
    }

    /**
     * As {@link #enqueue(Notification, ChannelName)}, but not to be sent before {@code notBefore} (e.g. the
     * end of the recipient's quiet hours); the fallback clock starts then too.
     */
    public EnqueueResult enqueue(Notification n, ChannelName first, Instant notBefore) {
        Instant created = clock.instant();
        Instant now = notBefore.isAfter(created) ? notBefore : created;
        String body = NotificationJson.write(n);
        EnqueueResult r = db.write(Durability.FULL, c -> {
            Optional<Long> existing = idOf(c, n.key());
            if (existing.isPresent()) {
                return new EnqueueResult.AlreadyQueued(OutboxId.of(existing.get()));
            }
            if (unsent(c) >= settings.capacity()) {
                int dropped = update(c, "UPDATE outbox SET state = 'dropped', done_ms = " + created.toEpochMilli()
                        + ", last_error = 'outbox full' WHERE id = (SELECT id FROM outbox WHERE state = 'pending' "
                        + "AND priority < " + n.priority().ordinal() + " ORDER BY priority, created_ms DESC, id DESC LIMIT 1)");
                if (dropped == 0) {
                    return new EnqueueResult.Full(settings.capacity());
                }
                // Only rows below critical are dropped, and only critical rows are handed off: nothing to forget.
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (nkey, priority, phone, body, state, channel, "
                    + "channel_since_ms, created_ms, due_ms) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?) RETURNING id")) {
                s.setString(1, n.key().value());
                s.setInt(2, n.priority().ordinal());
                s.setString(3, n.to().phone().e164());
                s.setString(4, body);
                s.setString(5, first.name());
                s.setLong(6, now.toEpochMilli());
                s.setLong(7, created.toEpochMilli());
                s.setLong(8, now.toEpochMilli());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new EnqueueResult.Accepted(OutboxId.of(rs.getLong(1)));
                }
            }
        });
        watchFill();
        if (r instanceof EnqueueResult.Accepted a) {
            // Inside a caller's transaction (the desk's) the row is not there for the workers before its commit.
            OutboxEntry entry = new OutboxEntry(a.id(), n, OutboxState.PENDING, first, now, 0, created, now,
                    Optional.empty(), Optional.empty(), Optional.empty());
            db.afterCommit(() -> {
                // The instant is the alarm-latency harness's "queued" mark (raise → queued → picked → POST).
                Logger.info("outbox: queued {} ({}) as {} on {}, committed {}", n.key().value(), n.priority(),
                        a.id().value(), first, clock.instant());
                if (n.priority() == Priority.CRITICAL && !now.isAfter(created)) {
                    handoff.offer(entry); // full: the workers' poll finds it
                }
                watcher.onQueued();
            });
        }
        return r;
    }

    /** Critical rows just committed, for the delivery workers to take without reading the database. */
    Handoff handoff() {
        return handoff;
    }

    /** Pending rows due at {@code now}, most urgent first (priority, then due time, then age); immutable. */
    public List<OutboxEntry> due(Instant now, int limit) {
        return select("state = 'pending' AND due_ms <= " + now.toEpochMilli()
                + " ORDER BY priority DESC, due_ms, id LIMIT " + limit);
    }

    /** The most urgent pending row on {@code channel}, whatever its due time. */
    Optional<OutboxEntry> mostUrgentOn(ChannelName channel) {
        return select("state = 'pending' AND channel = '" + channel.name() + "' ORDER BY priority DESC, due_ms, id LIMIT 1")
                .stream().findFirst();
    }

    /** Pending rows on {@code channel}, most urgent first. */
    List<OutboxEntry> pendingOn(ChannelName channel) {
        return select("state = 'pending' AND channel = '" + channel.name() + "' ORDER BY priority DESC, due_ms, id");
    }

    /** Makes every pending row on {@code channel} due now (the channel has recovered). */
    void dueNow(ChannelName channel) {
        long now = clock.millis();
        db.write(Durability.FULL, c -> update(c, "UPDATE outbox SET due_ms = " + now + " WHERE state = 'pending' AND channel = '"
                + channel.name() + "' AND due_ms > " + now));
    }

    /** Rows not yet done (pending or in flight), most urgent first; immutable. */
    public List<OutboxEntry> unsent() {
        return select("state IN ('pending', 'in_flight') ORDER BY priority DESC, due_ms, id");
    }

    public Optional<OutboxEntry> find(NotificationKey key) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE nkey = ?")) {
                s.setString(1, key.value());
                List<OutboxEntry> found = rows(s.executeQuery());
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    /** Rows in each state. */
    public Map<OutboxState, Integer> counts() {
        return db.read(c -> {
            Map<OutboxState, Integer> out = new EnumMap<>(OutboxState.class);
            for (OutboxState st : OutboxState.values()) {
                out.put(st, 0);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT state, count(*) FROM outbox GROUP BY state");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(OutboxState.fromColumn(rs.getString(1)), rs.getInt(2));
                }
            }
            return Map.copyOf(out);
        });
    }

    /**
     * Marks a pending row due by {@code dueBy} on {@code channel} in flight before that channel is called,
     * counting the attempt.
     *
     * @param channel the channel the caller read the row on and is about to call
     * @return false when the row is no longer pending on {@code channel} or due later (sent, cancelled, postponed
     *         or moved to another channel meanwhile): do not send it
     */
    boolean claim(OutboxId id, ChannelName channel, Instant dueBy) {
        // NORMAL (no fsync): in WAL mode the commit still survives a kill -9; a power cut may lose it, and then
        // the row is pending at the next start, which re-sends it just as in_flight would.
        return db.write(Durability.NORMAL, c -> update(c, "UPDATE outbox SET state = 'in_flight', attempts = attempts + 1 "
                + "WHERE id = ? AND state = 'pending' AND channel = ? AND due_ms <= ?",
                id.value(), channel.name(), dueBy.toEpochMilli())) == 1;
    }

    /**
     * The provider took it.
     *
     * @param counted whether {@link #claim} counted the attempt already (false for a row taken from the hand-off)
     */
    void sent(OutboxId id, String providerId, boolean counted) {
        // Ahead of the bulk writes: the delivery worker (and its recipient) is held until this commit.
        db.writeFirst(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET state = 'sent', done_ms = ?, provider_id = ?, "
                    + "delivery = 'sent', attempts = attempts + ? WHERE id = ?")) {
                s.setLong(1, clock.millis());
                s.setString(2, providerId);
                s.setInt(3, counted ? 0 : 1);
                s.setLong(4, id.value());
                return s.executeUpdate();
            }
        });
        watchDrain();
    }

    /** Counts an attempt that {@link #claim} did not (a row taken from the hand-off whose call failed). */
    void attempted(OutboxId id) {
        db.write(Durability.FULL, c -> update(c, "UPDATE outbox SET attempts = attempts + 1 WHERE id = " + id.value()));
    }

    /** Back to pending on the same channel, not before {@code due}. */
    void retryAt(OutboxId id, Instant due, String error) {
        change(id, "state = 'pending', due_ms = ?, last_error = ?", due.toEpochMilli(), error);
    }

    /** Back to pending on the next channel, due now; the fallback clock restarts. */
    void moveTo(OutboxId id, ChannelName next, String error) {
        long now = clock.millis();
        change(id, "state = 'pending', channel = ?, channel_since_ms = ?, due_ms = ?, last_error = ?",
                next.name(), now, now, error);
    }

    /**
     * A sent row whose delivery failed goes back to pending on channel {@code next}, due now.
     *
     * @return false when the row was no longer sent (already moved on by an earlier status)
     */
    boolean resend(OutboxId id, ChannelName next, String error) {
        long now = clock.millis();
        return db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET state = 'pending', channel = ?, "
                    + "channel_since_ms = ?, due_ms = ?, done_ms = NULL, last_error = ? WHERE id = ? AND state = 'sent'")) {
                s.setString(1, next.name());
                s.setLong(2, now);
                s.setLong(3, now);
                s.setString(4, error);
                s.setLong(5, id.value());
                return s.executeUpdate();
            }
        }) == 1;
    }

    /** No channel can deliver it. */
    void failed(OutboxId id, String error) {
        change(id, "state = 'failed', done_ms = ?, last_error = ?", clock.millis(), error);
        watchDrain();
    }

    /**
     * The wall clock was stepped by {@code step} (positive: forward): the unsent rows' times move with it, so
     * a step keeps their age, their remaining wait and their patience on the channel, instead of expiring a
     * day's messages at once (forward) or holding them back a day (back). Returns how many rows moved.
     */
    public int clockStepped(Duration step) {
        long ms = step.toMillis();
        return db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET created_ms = created_ms + ?, "
                    + "due_ms = due_ms + ?, channel_since_ms = channel_since_ms + ? WHERE state IN ('pending', 'in_flight')")) {
                s.setLong(1, ms);
                s.setLong(2, ms);
                s.setLong(3, ms);
                return s.executeUpdate();
            }
        });
    }

    /** Pending rows written before {@code cutoff} are given up; returns how many. */
    int expireOlderThan(Instant cutoff) {
        int n = db.write(Durability.FULL, c -> update(c, "UPDATE outbox SET state = 'expired', done_ms = " + clock.millis()
                + " WHERE state = 'pending' AND created_ms < " + cutoff.toEpochMilli()));
        if (n > 0) {
            Logger.warn("outbox: gave up {} notification(s) unsent for longer than {}", n, settings.expireAfter());
            watchDrain();
        }
        return n;
    }

    /** Deletes rows done (sent, failed, cancelled, dropped, expired) before {@code cutoff}; returns how many. */
    int purgeDoneBefore(Instant cutoff) {
        return db.write(Durability.NORMAL, c -> update(c, "DELETE FROM outbox WHERE done_ms IS NOT NULL AND done_ms < "
                + cutoff.toEpochMilli() + " AND state NOT IN ('pending', 'in_flight')"));
    }

    /** Cancels the pending messages of alarm {@code alarm} (all contacts and steps); returns how many. */
    public int cancelAlarm(AlarmId alarm) {
        return cancelWhere("nkey LIKE ?", "alarm/" + alarm.value() + "/%");
    }

    /** Cancels everything pending to {@code phone} (the number opted out); returns how many. */
    public int cancelTo(PhoneNumber phone) {
        return cancelWhere("phone = ?", phone.e164());
    }

    /**
     * Records a provider's later status for the sent row it names (the furthest state wins; FAILED is final).
     * FAILED is committed {@link Durability#FULL} (it sends the row again on the next channel); sent, delivered
     * and read {@link Durability#NORMAL}: a power cut may lose one, which leaves the row at an earlier delivery
     * state, as a status that never came would.
     *
     * @return the row, as updated, when the status was for a row of this outbox
     */
    public Optional<OutboxEntry> onStatus(DeliveryStatus status) {
        // Three statuses follow every message; one fsync each took the database from the alarms raised meanwhile.
        Durability d = status.state() == DeliveryStatus.State.FAILED ? Durability.FULL : Durability.NORMAL;
        return db.write(d, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET delivery = ?, last_error = CASE WHEN ? "
                    + "THEN ? ELSE last_error END WHERE provider_id = ? AND (delivery IS NULL OR (delivery <> 'failed' "
                    + "AND ? > CASE delivery WHEN 'sent' THEN 0 WHEN 'delivered' THEN 1 WHEN 'read' THEN 2 ELSE 3 END))")) {
                boolean failed = status.state() == DeliveryStatus.State.FAILED;
                s.setString(1, status.state().name().toLowerCase(Locale.ROOT));
                s.setBoolean(2, failed);
                s.setString(3, "delivery failed: " + status.detail());
                s.setString(4, status.providerId());
                s.setInt(5, status.state().ordinal());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE provider_id = ?")) {
                s.setString(1, status.providerId());
                List<OutboxEntry> found = rows(s.executeQuery());
                return found.isEmpty() ? Optional.<OutboxEntry>empty() : Optional.of(found.get(0));
            }
        });
    }

    private int cancelWhere(String where, String arg) {
        List<OutboxId> ids = db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET state = 'cancelled', done_ms = ? "
                    + "WHERE state IN ('pending', 'in_flight') AND " + where + " RETURNING id")) {
                s.setLong(1, clock.millis());
                s.setString(2, arg);
                List<OutboxId> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(OutboxId.of(rs.getLong(1)));
                    }
                }
                return out;
            }
        });
        ids.forEach(handoff::remove);
        int n = ids.size();
        if (n > 0) {
            watchDrain();
        }
        return n;
    }

    private void change(OutboxId id, String set, Object... args) {
        db.write(Durability.FULL, c -> {
            // Only a row still under way: one cancelled meanwhile (acknowledged, cleared, STOP) stays cancelled,
            // even when the call that was in flight asks for a retry or another channel.
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET " + set
                    + " WHERE id = ? AND state IN ('pending', 'in_flight')")) {
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
                s.setLong(args.length + 1, id.value());
                return s.executeUpdate();
            }
        });
    }

    /**
     * As {@link #watchFill} after a row left the unsent ones, which can only drain the outbox: nothing to count
     * unless it is full (so a delivery worker does not wait for the database after every send).
     */
    private void watchDrain() {
        synchronized (this) {
            if (!full) {
                return;
            }
        }
        watchFill();
    }

    /** Tells the watcher when the outbox crosses full (up) or half full (down). */
    private void watchFill() {
        int unsent = db.read(Outbox::unsent);
        boolean tell;
        synchronized (this) {
            boolean nowFull = full ? unsent > settings.capacity() / 2 : unsent >= settings.capacity();
            tell = nowFull != full;
            full = nowFull;
        }
        if (tell && unsent >= settings.capacity()) {
            Logger.error("outbox: full ({} unsent); less urgent notifications are being dropped", unsent);
            watcher.onFull(settings.capacity());
        } else if (tell) {
            Logger.info("outbox: drained to {} unsent", unsent);
            watcher.onDrained(unsent);
        }
    }

    private static int unsent(Connection c) throws SQLException {
        return count(c, "SELECT count(*) FROM outbox WHERE state IN ('pending', 'in_flight')");
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Optional<Long> idOf(Connection c, NotificationKey key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM outbox WHERE nkey = ?")) {
            s.setString(1, key.value());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    private List<OutboxEntry> select(String whereAndOrder) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE " + whereAndOrder)) {
                return rows(s.executeQuery());
            }
        });
    }

    private List<OutboxEntry> rows(ResultSet rs) throws SQLException {
        try (rs) {
            List<OutboxEntry> out = new ArrayList<>();
            while (rs.next()) {
                long id = rs.getLong(1);
                try {
                    out.add(new OutboxEntry(OutboxId.of(id), NotificationJson.read(rs.getString(2)),
                            OutboxState.fromColumn(rs.getString(3)), ChannelName.valueOf(rs.getString(4)),
                            Instant.ofEpochMilli(rs.getLong(5)), rs.getInt(6), Instant.ofEpochMilli(rs.getLong(7)),
                            Instant.ofEpochMilli(rs.getLong(8)), Optional.ofNullable(rs.getString(9)),
                            Optional.ofNullable(rs.getString(10)), Optional.ofNullable(rs.getString(11))));
                } catch (IllegalArgumentException e) {
                    throw new StoreException(db.file(), "outbox row " + id + " is unreadable", e);
                }
            }
            return List.copyOf(out);
        }
    }
}
