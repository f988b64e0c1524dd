-- The detector checkpoint's bytes in chunks of at most 1 MiB, in order of seq. A large herd's state
-- (about 12 KB a cow) is then written and read as a stream: as one blob it needed several copies of
-- itself in the heap, more than a 64 MB heap holds at 2,000 cows. detector_checkpoint keeps the time of
-- the checkpoint; its snapshot column is empty for a chunked checkpoint.
CREATE TABLE detector_checkpoint_chunk (
    seq   INTEGER PRIMARY KEY,
    bytes BLOB    NOT NULL
);
