package io.herdgate.protocol.join;

import static io.herdgate.protocol.frame.FrameLayout.*;

import io.herdgate.protocol.crypto.AesBlock;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.crypto.FrameMic;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Direction;
import io.herdgate.protocol.frame.FrameHeader;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.frame.Freshness;
import io.herdgate.protocol.frame.LittleEndian;
import io.herdgate.protocol.frame.MicCheck;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.frame.Rejected;
import io.herdgate.protocol.message.JoinAccept;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.payload.PayloadCodec;
import java.util.Arrays;
import java.util.Optional;

/**
 * The two join frames under the root key. Both carry the collar nonce of the join in the frame counter
 * field (32-bit form), so the accept's MIC binds it to the request it answers. The join request is sent in
 * clear; the join accept's payload and MIC are encrypted the LoRaWAN way: the gateway applies AES
 * <em>decryption</em> (ECB) under the root key to the 32 bytes of payload and MIC, so that the collar
 * recovers them with AES encryption, the only AES direction it needs.
 */
public final class JoinFrames {

    /** Payload plus MIC of a join accept: two AES blocks. */
    static final int ACCEPT_SEALED_SIZE = PayloadCodec.JOIN_ACCEPT_SIZE + MIC_SIZE;

    private JoinFrames() {
    }

    /** The join request frame, MIC'd with the root key; its counter field carries the collar nonce. */
    public static byte[] request(CollarEui eui, AesKey root, JoinRequest request) {
        byte[] out = new byte[HEADER_SIZE + PayloadCodec.JOIN_REQUEST_SIZE + MIC_SIZE];
        writeHeader(out, MessageType.JOIN_REQUEST, Direction.UP, eui, request.collarNonce(), request);
        int micLength = HEADER_SIZE + PayloadCodec.JOIN_REQUEST_SIZE;
        LittleEndian.put(out, micLength, 4, FrameMic.of(root).compute(Direction.UP.bit(), eui.value(),
                request.collarNonce(), out, 0, micLength));
        return out;
    }

    /** The join accept frame answering {@code collarNonce}, MIC'd and sealed with the root key. */
    public static byte[] accept(CollarEui eui, AesKey root, int collarNonce, JoinAccept accept) {
        byte[] out = new byte[HEADER_SIZE + ACCEPT_SEALED_SIZE];
        writeHeader(out, MessageType.JOIN_ACCEPT, Direction.DOWN, eui, collarNonce, accept);
        int micLength = HEADER_SIZE + PayloadCodec.JOIN_ACCEPT_SIZE;
        LittleEndian.put(out, micLength, 4, FrameMic.of(root).compute(Direction.DOWN.bit(), eui.value(),
                collarNonce, out, 0, micLength));
        AesBlock.of(root).decrypt(out, HEADER_SIZE, ACCEPT_SEALED_SIZE, out, HEADER_SIZE);
        return out;
    }

    /**
     * Decodes a join request or join accept under {@code root} without nonce history (freshness
     * {@link Freshness#UNCHECKED}), for inspection tools and vectors. Never throws on bad bytes.
     */
    public static DecodeResult decode(byte[] b, int off, int len, AesKey root) {
        Optional<Rejected> bad = FrameParser.check(b, off, len);
        if (bad.isPresent()) {
            return bad.get();
        }
        FrameHeader h = FrameParser.header(b, off);
        MessageType type = h.type() == MessageType.JOIN_ACCEPT ? MessageType.JOIN_ACCEPT : MessageType.JOIN_REQUEST;
        bad = checkHeader(h, type);
        if (bad.isPresent()) {
            return bad.get();
        }
        return type == MessageType.JOIN_ACCEPT ? openAccept(h, root, b, off) : openRequest(h, root, b, off, len);
    }

    /**
     * Checks a join frame's header: the expected type, the 32-bit counter form and, for a request, no
     * encryption flag (an accept must carry it).
     */
    static Optional<Rejected> checkHeader(FrameHeader h, MessageType expected) {
        if (h.type() != expected) {
            return Optional.of(reject(RejectReason.UNSUPPORTED_TYPE, h, "expected a " + expected + " frame, got "
                    + h.type()));
        }
        boolean accept = expected == MessageType.JOIN_ACCEPT;
        if (h.shortCounter() || h.encrypted() != accept) {
            return Optional.of(reject(RejectReason.BAD_HEADER, h, expected + " needs the 32-bit counter form and "
                    + (accept ? "the encrypted flag" : "no encrypted flag")));
        }
        if (accept && h.payloadLength() != PayloadCodec.JOIN_ACCEPT_SIZE) {
            return Optional.of(reject(RejectReason.BAD_PAYLOAD, h, "JOIN_ACCEPT payload must be "
                    + PayloadCodec.JOIN_ACCEPT_SIZE + " bytes, got " + h.payloadLength()));
        }
        return Optional.empty();
    }

    /** Verifies the MIC of a join request and decodes it; freshness is left to the caller. */
    static DecodeResult openRequest(FrameHeader h, AesKey root, byte[] b, int off, int len) {
        int micLength = len - MIC_SIZE;
        if (FrameMic.of(root).compute(Direction.UP.bit(), h.eui().value(), h.counter(), b, off, micLength)
                != FrameParser.mic(b, off, len)) {
            return reject(RejectReason.BAD_MIC, h, "join request MIC mismatch under the collar's root key");
        }
        return PayloadCodec.decode(h.type(), b, off + HEADER_SIZE, h.payloadLength())
                .inFrame(h, MicCheck.OK, Freshness.UNCHECKED);
    }

    /** Unseals a join accept with AES encryption, verifies its MIC and decodes it; freshness is left to the caller. */
    static DecodeResult openAccept(FrameHeader h, AesKey root, byte[] b, int off) {
        byte[] plain = Arrays.copyOfRange(b, off, off + HEADER_SIZE + ACCEPT_SEALED_SIZE);
        AesBlock.of(root).encrypt(plain, HEADER_SIZE, ACCEPT_SEALED_SIZE, plain, HEADER_SIZE);
        int micLength = HEADER_SIZE + PayloadCodec.JOIN_ACCEPT_SIZE;
        if (FrameMic.of(root).compute(Direction.DOWN.bit(), h.eui().value(), h.counter(), plain, 0, micLength)
                != LittleEndian.i32(plain, micLength)) {
            return reject(RejectReason.BAD_MIC, h, "join accept MIC mismatch under the collar's root key");
        }
        return PayloadCodec.decode(h.type(), plain, HEADER_SIZE, h.payloadLength())
                .inFrame(h, MicCheck.OK, Freshness.UNCHECKED);
    }

    static Rejected reject(RejectReason reason, FrameHeader h, String detail) {
        return Rejected.of(reason, detail, h.eui(), h.counter());
    }

    private static void writeHeader(byte[] out, MessageType type, Direction dir, CollarEui eui, int nonce, Message m) {
        int payloadLength = PayloadCodec.encode(m, out, HEADER_SIZE);
        out[OFFSET_VERSION] = (byte) VERSION_BYTE;
        out[OFFSET_TYPE] = (byte) type.code();
        out[OFFSET_FLAGS] = (byte) (dir.bit() | (type == MessageType.JOIN_ACCEPT ? FLAG_ENCRYPTED : 0));
        LittleEndian.put(out, OFFSET_LENGTH, 2, payloadLength);
        LittleEndian.put(out, OFFSET_EUI, 8, eui.value());
        LittleEndian.put(out, OFFSET_COUNTER, 4, nonce);
    }
}
