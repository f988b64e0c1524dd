package io.herdgate.protocol.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.herdgate.protocol.Samples;
import io.herdgate.protocol.codec.FrameCodec;
import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.crypto.FrameMic;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.LittleEndian;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.frame.Rejected;
import io.herdgate.protocol.frame.RejectionCounters;
import io.herdgate.protocol.message.MessageType;

/**
 * Fuzz tests of the frame decoder (a gateway-side {@link CollarSession}). Regression inputs live under
 * {@code src/test/resources/.../CollarSessionFuzzTestInputs/}; fuzzing is described in
 * {@code firmware-protocol/FUZZING.md}.
 */
class CollarSessionFuzzTest {

    private static final MessageType[] UPLINK_TYPES = {MessageType.SAMPLE_BATCH, MessageType.ACTIVITY_SUMMARY,
            MessageType.STATUS, MessageType.EVENT, MessageType.FIRMWARE_REPLY};

    /**
     * Any bytes, as one frame or as several frames back to back: decoding never throws, each result is a
     * frame or a rejection with a reason and a detail, and the rejection counters add up.
     */
    @FuzzTest(maxDuration = "2h")
    void decode_anyBytes_neverThrowsAndExplainsEachRejection(byte[] input) {
        CollarSession session = gatewaySession();
        RejectionCounters counters = RejectionCounters.create();
        int rejected = 0;
        for (int off = 0; off <= input.length; ) {
            // Cut the input where a frame would end if its length field were right, to reach deep states.
            int len = input.length - off < FrameLayout.OFFSET_LENGTH + 2 ? input.length - off
                    : Math.min(input.length - off, FrameLayout.HEADER_SIZE + FrameLayout.MIC_SIZE
                            + LittleEndian.u16(input, off + FrameLayout.OFFSET_LENGTH));
            DecodeResult result = counters.record(session.decode(input, off, len));
            if (result instanceof Rejected r) {
                rejected++;
                assertNotNull(r.reason());
                assertFalse(r.detail().isBlank(), "a rejection without detail: " + r);
            }
            off += Math.max(1, len);
        }
        assertEquals(rejected, counters.total(), "rejection counters");
    }

    /**
     * Any payload of an uplink type under a correct MIC: never a MIC failure, never a throw; when it
     * decodes, the message re-encodes to a frame that decodes to the same message.
     */
    @FuzzTest(maxDuration = "2h")
    void decode_anyPayloadUnderGoodMic_isRejectedOrRoundTrips(FuzzedDataProvider data) {
        MessageType type = data.pickValue(UPLINK_TYPES);
        FrameOptions options = FrameOptions.of(data.consumeBoolean(), data.consumeBoolean(), data.consumeBoolean());
        long counter = options.shortCounter() ? data.consumeInt(0, 0xFFFF) : data.consumeLong(0, 0xFFFF_FFFFL);
        byte[] payload = data.consumeBytes(FrameLayout.MAX_PAYLOAD);
        byte[] frame = frame(type, options, counter, payload);

        DecodeResult result = gatewaySession().decode(frame, 0, frame.length);
        if (result instanceof Rejected r) {
            assertNotEquals(RejectReason.BAD_MIC, r.reason(), r.toString());
            assertFalse(r.detail().isBlank());
            return;
        }
        Decoded decoded = (Decoded) result;
        assertEquals(type, decoded.message().type());
        byte[] again = FrameCodec.of(Samples.EUI, Samples.KEYS).encode(decoded.message(), counter, options);
        DecodeResult second = gatewaySession().decode(again, 0, again.length);
        assertEquals(decoded.message(), ((Decoded) second).message(), "re-encoded message");
    }

    private static CollarSession gatewaySession() {
        return CollarSession.gatewaySide(Samples.EUI, Samples.KEYS, InMemoryCounterStore.create());
    }

    /** A frame with {@code payload} as it is on air (ciphertext if encrypted) and a correct MIC. */
    private static byte[] frame(MessageType type, FrameOptions options, long counter, byte[] payload) {
        int header = FrameLayout.headerSize(options.shortCounter());
        byte[] f = new byte[header + payload.length + FrameLayout.MIC_SIZE];
        f[FrameLayout.OFFSET_VERSION] = (byte) FrameLayout.VERSION_BYTE;
        f[FrameLayout.OFFSET_TYPE] = (byte) type.code();
        f[FrameLayout.OFFSET_FLAGS] = (byte) ((options.encrypted() ? FrameLayout.FLAG_ENCRYPTED : 0)
                | (options.ackRequested() ? FrameLayout.FLAG_ACK_REQUESTED : 0)
                | (options.shortCounter() ? FrameLayout.FLAG_SHORT_COUNTER : 0));
        LittleEndian.put(f, FrameLayout.OFFSET_LENGTH, 2, payload.length);
        LittleEndian.put(f, FrameLayout.OFFSET_EUI, 8, Samples.EUI.value());
        LittleEndian.put(f, FrameLayout.OFFSET_COUNTER, options.shortCounter() ? 2 : 4, counter);
        System.arraycopy(payload, 0, f, header, payload.length);
        int micLength = header + payload.length;
        int mic = FrameMic.of(Samples.MIC_KEY).compute(0, Samples.EUI.value(), counter, f, 0, micLength);
        LittleEndian.put(f, micLength, 4, mic);
        return f;
    }
}
