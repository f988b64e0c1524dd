package io.herdgate.protocol.codec;

import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.FrameHeader;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.frame.Freshness;
import io.herdgate.protocol.frame.MicCheck;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.frame.Rejected;
import io.herdgate.protocol.payload.PayloadCodec;
import java.util.Optional;

/**
 * Decodes frames without keys or counter state, for inspection tools: the MIC is reported
 * {@link MicCheck#UNCHECKED} and the counter is the one on air. A gateway never accepts frames this way.
 */
public final class FrameInspector {

    private FrameInspector() {
    }

    /** Decodes {@code b[off, off+len)}; never throws on bad bytes. */
    public static DecodeResult decode(byte[] b, int off, int len) {
        Optional<Rejected> bad = FrameParser.check(b, off, len);
        if (bad.isPresent()) {
            return bad.get();
        }
        FrameHeader h = FrameParser.header(b, off);
        if (h.encrypted()) {
            return Rejected.of(RejectReason.NO_PAYLOAD_KEY, "payload is encrypted; a key is needed to read it",
                    h.eui(), h.counter());
        }
        return PayloadCodec.decode(h.type(), b, off + h.headerSize(), h.payloadLength())
                .inFrame(h, MicCheck.UNCHECKED, Freshness.UNCHECKED);
    }
}
