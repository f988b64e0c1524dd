package io.herdgate.protocol.codec;

import static io.herdgate.protocol.frame.FrameLayout.*;

import io.herdgate.protocol.crypto.AesCtr;
import io.herdgate.protocol.crypto.FrameMic;
import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Direction;
import io.herdgate.protocol.frame.FrameHeader;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.frame.Freshness;
import io.herdgate.protocol.frame.MicCheck;
import io.herdgate.protocol.frame.LittleEndian;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.payload.PayloadCodec;
import io.herdgate.protocol.payload.PayloadResult;
import java.util.Arrays;

/**
 * Frames of one collar under one pair of keys: writes frames with MIC (and encryption when asked), checks
 * MICs and opens payloads. Knows nothing of counter history; {@code CollarSession} adds that. Holds its
 * AES state and scratch buffers, so it allocates only the results; not thread-safe.
 */
public final class FrameCodec {

    private final CollarEui eui;
    private final FrameMic mic;
    private final AesCtr ctr;
    private final byte[] plain = new byte[MAX_PAYLOAD];

    private FrameCodec(CollarEui eui, SessionKeys keys) {
        this.eui = eui;
        this.mic = FrameMic.of(keys.micKey());
        this.ctr = AesCtr.of(keys.payloadKey());
    }

    public static FrameCodec of(CollarEui eui, SessionKeys keys) {
        return new FrameCodec(eui, keys);
    }

    public CollarEui eui() {
        return eui;
    }

    /**
     * Writes the frame of {@code message} with the full {@code counter} at {@code out[off]}, which needs
     * room for {@link io.herdgate.protocol.frame.FrameLayout#MAX_FRAME} bytes; returns the frame length.
     *
     * @throws IllegalArgumentException if the counter is out of 0..2^32-1, or the type cannot be sent
     *                                  through this codec ({@code JOIN_ACCEPT} is encrypted differently)
     */
    public int encode(Message message, long counter, FrameOptions options, byte[] out, int off) {
        if (counter < 0 || counter > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("counter out of 0..2^32-1: " + counter);
        }
        if (message.type() == MessageType.JOIN_ACCEPT) {
            throw new IllegalArgumentException("JOIN_ACCEPT frames are written by JoinServer");
        }
        Direction dir = message.type().isUplink() ? Direction.UP : Direction.DOWN;
        int header = headerSize(options.shortCounter());
        int payloadLength = PayloadCodec.encode(message, out, off + header);
        out[off + OFFSET_VERSION] = (byte) VERSION_BYTE;
        out[off + OFFSET_TYPE] = (byte) message.type().code();
        out[off + OFFSET_FLAGS] = (byte) (dir.bit()
                | (options.encrypted() ? FLAG_ENCRYPTED : 0)
                | (options.ackRequested() ? FLAG_ACK_REQUESTED : 0)
                | (options.shortCounter() ? FLAG_SHORT_COUNTER : 0));
        LittleEndian.put(out, off + OFFSET_LENGTH, 2, payloadLength);
        LittleEndian.put(out, off + OFFSET_EUI, 8, eui.value());
        LittleEndian.put(out, off + OFFSET_COUNTER, options.shortCounter() ? 2 : 4, counter);
        if (options.encrypted()) {
            ctr.apply(dir.bit(), eui.value(), counter, out, off + header, payloadLength, out, off + header);
        }
        int micLength = header + payloadLength;
        LittleEndian.put(out, off + micLength, 4, mic.compute(dir.bit(), eui.value(), counter, out, off, micLength));
        return micLength + MIC_SIZE;
    }

    /** The frame of {@code message} as a new array; see {@link #encode(Message, long, FrameOptions, byte[], int)}. */
    public byte[] encode(Message message, long counter, FrameOptions options) {
        byte[] out = new byte[MAX_FRAME];
        return Arrays.copyOf(out, encode(message, counter, options, out, 0));
    }

    /**
     * True if the MIC of the checked frame {@code b[off, off+len)} is right for the full counter in
     * {@code header}.
     */
    public boolean micMatches(FrameHeader header, byte[] b, int off, int len) {
        int micLength = len - MIC_SIZE;
        return mic.compute(header.direction().bit(), eui.value(), header.counter(), b, off, micLength)
                == FrameParser.mic(b, off, len);
    }

    /** Decrypts (when flagged) and decodes the payload of a checked frame whose MIC matched. */
    public PayloadResult openPayload(FrameHeader header, byte[] b, int off) {
        int start = off + header.headerSize();
        int n = header.payloadLength();
        if (!header.encrypted()) {
            return PayloadCodec.decode(header.type(), b, start, n);
        }
        ctr.apply(header.direction().bit(), eui.value(), header.counter(), b, start, n, plain, 0);
        return PayloadCodec.decode(header.type(), plain, 0, n);
    }

    /**
     * Opens the payload of a checked frame whose MIC matched (or was not checked) and wraps it: the
     * decoded frame, or the payload's rejection with the header's address and counter.
     */
    public DecodeResult open(FrameHeader header, byte[] b, int off, MicCheck micCheck, Freshness freshness) {
        return openPayload(header, b, off).inFrame(header, micCheck, freshness);
    }
}
