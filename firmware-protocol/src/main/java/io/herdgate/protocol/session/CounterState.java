package io.herdgate.protocol.session;

/**
 * The last counter accepted (receiving side) or sent (sending side) in one stream, with that frame's MIC
 * so that an exact repeat can be told from a replay.
 *
 * @param counter 0..2^32-1
 * @param mic     the frame's MIC as read from its last four bytes (little-endian int)
 */
public record CounterState(long counter, int mic) {

    public CounterState {
        if (counter < 0 || counter > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("counter out of 0..2^32-1: " + counter);
        }
    }

    public static CounterState of(long counter, int mic) {
        return new CounterState(counter, mic);
    }
}
