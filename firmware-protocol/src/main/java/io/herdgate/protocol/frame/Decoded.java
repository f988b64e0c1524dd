package io.herdgate.protocol.frame;

import io.herdgate.protocol.message.Message;

/**
 * A frame that decoded.
 *
 * @param header    the header, with the full counter
 * @param message   the message it carries
 * @param mic       whether the MIC was verified
 * @param freshness whether this is a new frame, an exact repeat of the last accepted one, or unchecked
 */
public record Decoded(FrameHeader header, Message message, MicCheck mic, Freshness freshness)
        implements DecodeResult {

    public static Decoded of(FrameHeader header, Message message, MicCheck mic, Freshness freshness) {
        return new Decoded(header, message, mic, freshness);
    }
}
