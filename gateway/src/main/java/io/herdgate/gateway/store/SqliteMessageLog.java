package io.herdgate.gateway.store;

import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.whatsapp.MessageId;
import io.herdgate.gateway.whatsapp.MessageLog;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WhatsApp {@link MessageLog} in tables {@code whatsapp_sent}, {@code whatsapp_status} and
 * {@code whatsapp_inbound} (schema {@code V4__whatsapp.sql}). Sent messages and inbound ids commit with
 * {@link Durability#FULL} (a lost inbound id would let a webhook retry act twice); statuses with
 * {@link Durability#NORMAL} (a lost status is repeated or superseded by the next).
 */
public final class SqliteMessageLog implements MessageLog {

    private final Database db;
    /**
     * The last inbound message per number (E.164), loaded at open and kept with every inbound recorded through
     * this log: a send asks it before its POST, which must not wait for the database.
     */
    private final Map<String, Long> lastInbound = new ConcurrentHashMap<>();

    private SqliteMessageLog(Database db) {
        this.db = db;
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT phone, MAX(received_at) FROM whatsapp_inbound GROUP BY phone");
                 var rs = s.executeQuery()) {
                while (rs.next()) {
                    lastInbound.put(rs.getString(1), rs.getLong(2));
                }
            }
            return null;
        });
    }

    /** The log in {@code db}; the gateway opens one and shares it (inbound messages are remembered per instance). */
    public static SqliteMessageLog of(Database db) {
        return new SqliteMessageLog(db);
    }

    @Override
    public void recordSent(MessageId id, NotificationKey key, Optional<AlarmId> alarm, PhoneNumber to, Instant at) {
        // NORMAL: no fsync of its own on the delivery path; the outbox's FULL commit of the send, right after,
        // syncs the log up to it. A kill loses neither; a power cut in between re-sends the message anyway.
        // Ahead of the bulk writes: the delivery worker (and its recipient) is held until the send is recorded.
        db.writeFirst(Durability.NORMAL, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO whatsapp_sent "
                    + "(wamid, notification_key, alarm_id, phone, sent_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, id.value());
                s.setString(2, key.value());
                if (alarm.isPresent()) {
                    s.setLong(3, alarm.get().value());
                } else {
                    s.setNull(3, Types.INTEGER);
                }
                s.setString(4, to.e164());
                s.setLong(5, at.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<AlarmId> alarmOf(MessageId id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT alarm_id FROM whatsapp_sent WHERE wamid = ?")) {
                s.setString(1, id.value());
                try (var rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long v = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(AlarmId.of(v));
                }
            }
        });
    }

    @Override
    public boolean recordStatus(DeliveryStatus status) {
        return db.write(Durability.NORMAL, c -> {
            Optional<DeliveryStatus.State> current;
            try (PreparedStatement s = c.prepareStatement("SELECT state FROM whatsapp_status WHERE wamid = ?")) {
                s.setString(1, status.providerId());
                try (var rs = s.executeQuery()) {
                    current = rs.next() ? Optional.of(DeliveryStatus.State.valueOf(rs.getString(1))) : Optional.empty();
                }
            }
            if (current.isPresent() && !advances(current.get(), status.state())) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO whatsapp_status "
                    + "(wamid, state, state_at, detail) VALUES (?, ?, ?, ?)")) {
                s.setString(1, status.providerId());
                s.setString(2, status.state().name());
                s.setLong(3, status.at().toEpochMilli());
                s.setString(4, status.detail());
                s.executeUpdate();
            }
            return true;
        });
    }

    /** Sent, delivered, read only move forward; failed ends it from any state. */
    private static boolean advances(DeliveryStatus.State from, DeliveryStatus.State to) {
        if (from == DeliveryStatus.State.FAILED) {
            return false;
        }
        return to == DeliveryStatus.State.FAILED || to.ordinal() > from.ordinal();
    }

    @Override
    public Optional<DeliveryStatus> status(MessageId id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT state, state_at, detail FROM whatsapp_status WHERE wamid = ?")) {
                s.setString(1, id.value());
                try (var rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(DeliveryStatus.of(id.value(), DeliveryStatus.State.valueOf(rs.getString(1)),
                            Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean recordInbound(MessageId id, PhoneNumber from, Instant at) {
        boolean added = db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR IGNORE INTO whatsapp_inbound (wamid, phone, received_at) VALUES (?, ?, ?)")) {
                s.setString(1, id.value());
                s.setString(2, from.e164());
                s.setLong(3, at.toEpochMilli());
                return s.executeUpdate() == 1;
            }
        });
        if (added) {
            lastInbound.merge(from.e164(), at.toEpochMilli(), Math::max);
        }
        return added;
    }

    /** From memory, kept since the open: no database read. */
    @Override
    public Optional<Instant> lastInbound(PhoneNumber from) {
        return Optional.ofNullable(lastInbound.get(from.e164())).map(Instant::ofEpochMilli);
    }
}
