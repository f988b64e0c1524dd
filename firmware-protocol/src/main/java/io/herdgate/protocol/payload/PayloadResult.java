package io.herdgate.protocol.payload;

import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.message.Message;

/** The outcome of decoding a payload: the {@link Ok message} or why it is {@link Malformed}. */
public sealed interface PayloadResult permits PayloadResult.Ok, PayloadResult.Malformed {

    /** The payload decoded to {@code message}. */
    record Ok(Message message) implements PayloadResult {
    }

    /**
     * The payload could not be decoded.
     *
     * @param reason {@link RejectReason#BAD_PAYLOAD} or {@link RejectReason#UNSUPPORTED_TYPE}
     * @param detail the field and the allowed values
     */
    record Malformed(RejectReason reason, String detail) implements PayloadResult {
    }
}
