-- Upstream bridge: events waiting for the upstream broker's acknowledgement (store-and-forward).
-- seq numbers the gateway's events for upstream consumers (gaps = dropped, repeats = redelivery).
-- importance: 0 per-minute features, 1 collar and gateway status, 2 alarms; a full queue drops the
-- oldest of the lowest importance first. Times are epoch milliseconds.
CREATE TABLE upstream_queue (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    topic       TEXT    NOT NULL,
    payload     BLOB    NOT NULL,
    retained    INTEGER NOT NULL CHECK (retained IN (0, 1)),
    importance  INTEGER NOT NULL CHECK (importance BETWEEN 0 AND 2),
    queued_at   INTEGER NOT NULL
);
CREATE INDEX upstream_queue_drop_order ON upstream_queue (importance, seq);
