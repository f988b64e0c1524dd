package io.herdgate.gateway.link;

/**
 * A snapshot of the ingest hand-off and what the pipeline made of the frames, since start.
 *
 * @param queued     frames waiting for the pipeline now
 * @param capacity   most frames that can wait; beyond it the links wait (back-pressure)
 * @param handled    frames the pipeline has handled
 * @param accepted   fresh frames used (includes granted joins)
 * @param duplicates exact repeats recognised and not used again (radio or MQTT redelivery)
 * @param dropped    frames the pipeline rejected (counted by reason in the pipeline's rejection counters)
 * @param failed     frames on which the pipeline failed unexpectedly (logged with their link)
 * @param fullWaits  times a link found the hand-off full and waited
 */
public record IngestStats(int queued, int capacity, long handled, long accepted, long duplicates, long dropped,
                          long failed, long fullWaits) {
}
