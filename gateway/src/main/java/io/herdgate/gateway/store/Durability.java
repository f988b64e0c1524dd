package io.herdgate.gateway.store;

/**
 * How far a committed write survives a power cut, as SQLite's {@code PRAGMA synchronous} in WAL mode.
 */
public enum Durability {
    /** The write-ahead log is fsynced at every commit: a committed transaction survives a power cut. */
    FULL,
    /**
     * The log is fsynced only at checkpoints: the file stays consistent, but the last commits may be lost
     * on a power cut. For data that is rebuilt or merely thinner when a few seconds are missing.
     */
    NORMAL
}
