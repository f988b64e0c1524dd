-- Schema version 3: the alarm side. Times are milliseconds since 1970-01-01T00:00Z.

-- Who acknowledged or resolved an alarm, and how (whatsapp, sms, cli, http). One row per alarm at most;
-- resolving an acknowledged alarm overwrites the row (resolved implies acknowledged).
CREATE TABLE alarm_ack (
    alarm_id INTEGER PRIMARY KEY REFERENCES alarm (id),
    kind     TEXT    NOT NULL CHECK (kind IN ('acknowledged', 'resolved')),
    who      TEXT    NOT NULL,
    via      TEXT    NOT NULL,
    at_ms    INTEGER NOT NULL
);

-- One page per message chain: the lead alarm, the alarms grouped into it (lead first, comma-separated
-- ids), the route it follows, the next route step (chain index, then repeats), the messages sent so far
-- (the step number in their idempotency keys) and when the next step is due. next_ms is NULL when the
-- chain has ended (acknowledged, cleared, or no step left).
CREATE TABLE alarm_page (
    lead_id   INTEGER PRIMARY KEY REFERENCES alarm (id),
    members   TEXT    NOT NULL,
    route     TEXT    NOT NULL,
    step      INTEGER NOT NULL CHECK (step >= 0),
    sent      INTEGER NOT NULL CHECK (sent >= 0),
    next_ms   INTEGER,
    opened_ms INTEGER NOT NULL
);
CREATE INDEX alarm_page_due ON alarm_page (next_ms) WHERE next_ms IS NOT NULL;

-- Silences: matching alarms are recorded but not sent while start <= raised < end. cow and type NULL
-- match every cow or type. lifted_ms is set when a silence is ended early.
CREATE TABLE silence (
    id        INTEGER PRIMARY KEY,
    cow       TEXT,
    type      TEXT,
    start_ms  INTEGER NOT NULL,
    end_ms    INTEGER NOT NULL,
    author    TEXT    NOT NULL,
    reason    TEXT    NOT NULL,
    lifted_ms INTEGER,
    CHECK (end_ms > start_ms)
);

-- Numbers that answered STOP, until they answer START.
CREATE TABLE opt_out (
    phone TEXT    PRIMARY KEY,
    at_ms INTEGER NOT NULL
) WITHOUT ROWID;

-- The durable outbox: every notification is written here before any channel sees it. nkey is the
-- idempotency key; body the notification as JSON; priority 0 (low) .. 3 (critical). A send is marked
-- in_flight before the channel is called and sent/failed after; an in_flight row found at start-up was
-- interrupted and goes back to pending (the recipient may then see it twice). channel_since_ms is when the
-- row moved to its current channel (the fallback clock); delivery is the provider's latest status.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    nkey             TEXT    NOT NULL UNIQUE,
    priority         INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),
    phone            TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    state            TEXT    NOT NULL CHECK (state IN ('pending', 'in_flight', 'sent', 'failed', 'cancelled',
                                                       'dropped', 'expired')),
    channel          TEXT    NOT NULL,
    channel_since_ms INTEGER NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_ms       INTEGER NOT NULL,
    due_ms           INTEGER NOT NULL,
    done_ms          INTEGER,
    provider_id      TEXT,
    delivery         TEXT,
    last_error       TEXT
);
CREATE INDEX outbox_due ON outbox (priority DESC, due_ms, id) WHERE state = 'pending';
CREATE INDEX outbox_unsent ON outbox (state) WHERE state IN ('pending', 'in_flight');
CREATE INDEX outbox_done ON outbox (done_ms) WHERE done_ms IS NOT NULL;
CREATE INDEX outbox_provider ON outbox (provider_id) WHERE provider_id IS NOT NULL;
