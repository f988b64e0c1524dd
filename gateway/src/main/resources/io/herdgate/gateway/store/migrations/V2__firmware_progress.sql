-- Schema version 2: unfinished firmware updates, so that a restarted gateway resumes them.
CREATE TABLE firmware_progress (
    collar_eui  INTEGER NOT NULL,
    image_id    INTEGER NOT NULL,
    phase       TEXT    NOT NULL,
    acked_bytes INTEGER NOT NULL CHECK (acked_bytes >= 0),
    total_bytes INTEGER NOT NULL CHECK (total_bytes >= 1),
    PRIMARY KEY (collar_eui, image_id)
) WITHOUT ROWID;
