package io.herdgate.gateway.ingest;

/**
 * What one sample batch did to its collar's sample stream (see {@link SampleDating}): it continued the
 * stream, or it started a new one, and why. A new stream drops the unfinished minute of the old one.
 */
enum Continuity {
    /** The batch continued the stream (or carried no samples and changed nothing). */
    CONTINUED,
    /** The first batch heard from the collar for this cow. */
    FIRST,
    /** The first batch after the collar joined again (a reboot): its counters and its sampling started anew. */
    NEW_SESSION,
    /** A frame counter between the last frame and this batch was never received: samples may be missing. */
    LOST_FRAME,
    /** The sample rate or range changed. */
    SETTINGS,
    /**
     * The batch's own time (reception minus {@code first_sample_age_ms}) does not fit where the stream
     * expected it: a wall-clock step, a gap the counter cannot show (the collar dropped buffered batches
     * during a radio loss before numbering them), or a JSON batch off by more than
     * {@link SampleDating#CONTINUITY_TOLERANCE}.
     */
    TIME,
    /** Its counter is not after the collar's last frame: ignored (the session refuses such frames first). */
    STALE
}
