-- Collar sessions: the keys of each collar's last granted join, so that a restarted gateway goes on
-- decoding its frames without a new join. As secret as collar.root_key (the file is mode 0600). The
-- root key is not copied: root_key_sha256 only tells whether the collar was re-keyed since it joined.
-- No foreign key: a collar removed from the registry loses its session at the next start.
CREATE TABLE collar_session (
    collar_eui      INTEGER PRIMARY KEY,
    mic_key         BLOB    NOT NULL CHECK (length(mic_key) = 16),
    payload_key     BLOB    NOT NULL CHECK (length(payload_key) = 16),
    accept_frame    BLOB    NOT NULL,
    root_key_sha256 BLOB    NOT NULL CHECK (length(root_key_sha256) = 32)
) WITHOUT ROWID;
