-- Schema version 1. Times are milliseconds since 1970-01-01T00:00Z (UTC) unless a column says seconds;
-- collar EUIs are the 64-bit EUI as a signed integer; dates are ISO-8601 text (yyyy-MM-dd).
-- Statements end with a semicolon at the end of a line (the migration runner splits there).

-- Known collars. The root key is needed to answer joins: stored, never logged; the file is mode 0600.
CREATE TABLE collar (
    eui          INTEGER PRIMARY KEY,
    root_key     BLOB    NOT NULL CHECK (length(root_key) = 16),
    firmware     TEXT,
    battery_mv   INTEGER CHECK (battery_mv >= 0),
    last_seen_ms INTEGER,
    rssi_dbm     INTEGER,
    status       TEXT    NOT NULL CHECK (status IN ('active', 'spare', 'retired'))
);

-- Cows as the farm names them; the integer id keeps feature rows small.
CREATE TABLE cow (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    herd_group    TEXT,
    calving_date  TEXT,
    breeding_date TEXT
);

-- Which collar a cow wore when; until_ms is NULL for the pairing in force. Replacing a collar closes
-- its pairing and opens a new one, so the cow keeps her history.
CREATE TABLE pairing (
    id         INTEGER PRIMARY KEY,
    collar_eui INTEGER NOT NULL REFERENCES collar (eui),
    cow_id     INTEGER NOT NULL REFERENCES cow (id),
    from_ms    INTEGER NOT NULL,
    until_ms   INTEGER,
    CHECK (until_ms IS NULL OR until_ms >= from_ms)
);
CREATE UNIQUE INDEX pairing_open_by_collar ON pairing (collar_eui) WHERE until_ms IS NULL;
CREATE UNIQUE INDEX pairing_open_by_cow ON pairing (cow_id) WHERE until_ms IS NULL;
CREATE INDEX pairing_by_cow ON pairing (cow_id, from_ms);

-- Last frame counter per collar and stream. No foreign key: a join counter is saved before the collar
-- may be known here. One small row per stream, rewritten in place on every accepted frame.
CREATE TABLE frame_counter (
    collar_eui INTEGER NOT NULL,
    stream     TEXT    NOT NULL CHECK (stream IN ('uplink', 'downlink', 'join')),
    counter    INTEGER NOT NULL CHECK (counter BETWEEN 0 AND 4294967295),
    mic        INTEGER NOT NULL,
    PRIMARY KEY (collar_eui, stream)
) WITHOUT ROWID;

-- Per-minute measures. Keyed by (start, cow) so that new rows append at the end of the tree: a batch
-- of 100 cows touches a few pages instead of 100. Measures are scaled integers (SQLite stores small
-- integers in 1..4 bytes); NULL is a missing measure. Scales: activity x100, rumination and lying in
-- seconds, bouts and steps as counts, motion index x100, acceleration variance in 1e-9 g^2, pitch in
-- 1/100 degree, battery in mV.
CREATE TABLE feature_minute (
    start_s        INTEGER NOT NULL,
    cow_id         INTEGER NOT NULL REFERENCES cow (id),
    length_s       INTEGER NOT NULL,
    activity_c     INTEGER,
    rumination_s   INTEGER,
    lying_s        INTEGER,
    lying_bouts    INTEGER,
    steps          INTEGER,
    motion_index_c INTEGER,
    accel_var_ng2  INTEGER,
    pitch_cdeg     INTEGER,
    battery_mv     INTEGER,
    PRIMARY KEY (start_s, cow_id)
) WITHOUT ROWID;

-- The latest detector-state snapshot only (one row).
CREATE TABLE detector_checkpoint (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    taken_ms INTEGER NOT NULL,
    snapshot BLOB    NOT NULL
);

-- Alarms raised, and when they cleared; explanation is the JSON form of the numbers behind the alarm
-- (measure, value, baseline, threshold, duration_s, features); next_heat_ms only for heat alarms.
CREATE TABLE alarm (
    id          INTEGER PRIMARY KEY,
    cow_id      INTEGER NOT NULL REFERENCES cow (id),
    type        TEXT    NOT NULL,
    severity    TEXT    NOT NULL,
    raised_ms   INTEGER NOT NULL,
    cleared_ms  INTEGER,
    next_heat_ms INTEGER,
    explanation TEXT    NOT NULL,
    UNIQUE (cow_id, type, raised_ms)
);
CREATE INDEX alarm_open ON alarm (cleared_ms) WHERE cleared_ms IS NULL;

-- Accepted rule changes, in order; one audit_change row per parameter path.
CREATE TABLE audit (
    id     INTEGER PRIMARY KEY,
    at_ms  INTEGER NOT NULL,
    who    TEXT    NOT NULL,
    source TEXT    NOT NULL
);
CREATE TABLE audit_change (
    audit_id INTEGER NOT NULL REFERENCES audit (id),
    seq      INTEGER NOT NULL,
    path     TEXT    NOT NULL,
    before   TEXT,
    after    TEXT,
    PRIMARY KEY (audit_id, seq)
) WITHOUT ROWID;
