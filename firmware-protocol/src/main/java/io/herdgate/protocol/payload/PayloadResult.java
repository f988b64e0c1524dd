package io.herdgate.protocol.payload;

import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.FrameHeader;
import io.herdgate.protocol.frame.Freshness;
import io.herdgate.protocol.frame.MicCheck;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.frame.Rejected;
import io.herdgate.protocol.message.Message;

/** The outcome of decoding a payload: the {@link Ok message} or why it is {@link Malformed}. */
public sealed interface PayloadResult permits PayloadResult.Ok, PayloadResult.Malformed {

    /** This payload outcome as the outcome of the frame with {@code header}. */
    DecodeResult inFrame(FrameHeader header, MicCheck mic, Freshness freshness);

    /** The payload decoded to {@code message}. */
    record Ok(Message message) implements PayloadResult {
        @Override
        public DecodeResult inFrame(FrameHeader header, MicCheck mic, Freshness freshness) {
            return Decoded.of(header, message, mic, freshness);
        }
    }

    /**
     * The payload could not be decoded.
     *
     * @param reason {@link RejectReason#BAD_PAYLOAD} or {@link RejectReason#UNSUPPORTED_TYPE}
     * @param detail the field and the allowed values
     */
    record Malformed(RejectReason reason, String detail) implements PayloadResult {
        @Override
        public DecodeResult inFrame(FrameHeader header, MicCheck mic, Freshness freshness) {
            return Rejected.of(reason, detail, header.eui(), header.counter());
        }
    }
}
