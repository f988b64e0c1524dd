-- Uplink frames accepted in the collar's current session (since its last join), written together with
-- the counter: the counters from the session's first frame to `counter` that are not among them were
-- never accepted (lost on air, or accepted in the write-behind interval before a power cut). 0 for the
-- downlink and join streams.
ALTER TABLE frame_counter ADD COLUMN frames INTEGER NOT NULL DEFAULT 0 CHECK (frames >= 0);
