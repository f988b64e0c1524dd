-- WhatsApp: messages we sent (to map a quoted reply to its alarm), the furthest delivery status per
-- message, and farmers' inbound messages (webhook dedup and the 24-hour customer-service window).
-- Times are epoch milliseconds.
CREATE TABLE whatsapp_sent (
    wamid            TEXT    NOT NULL PRIMARY KEY,
    notification_key TEXT    NOT NULL,
    alarm_id         INTEGER,
    phone            TEXT    NOT NULL,
    sent_at          INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE whatsapp_status (
    wamid    TEXT    NOT NULL PRIMARY KEY,
    state    TEXT    NOT NULL CHECK (state IN ('SENT', 'DELIVERED', 'READ', 'FAILED')),
    state_at INTEGER NOT NULL,
    detail   TEXT    NOT NULL
) WITHOUT ROWID;
CREATE TABLE whatsapp_inbound (
    wamid       TEXT    NOT NULL PRIMARY KEY,
    phone       TEXT    NOT NULL,
    received_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX whatsapp_inbound_by_phone ON whatsapp_inbound (phone, received_at);
