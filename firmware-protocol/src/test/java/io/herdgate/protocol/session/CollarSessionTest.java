package io.herdgate.protocol.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.protocol.Samples;
import io.herdgate.protocol.codec.FrameCodec;
import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.crypto.FrameMic;
import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.Freshness;
import io.herdgate.protocol.frame.MicCheck;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.frame.Rejected;
import io.herdgate.protocol.message.Ack;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.TimeSync;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CollarSessionTest {

    private final CounterStore gatewayStore = InMemoryCounterStore.create();
    private final CollarSession collar = CollarSession.collarSide(Samples.EUI, Samples.KEYS, InMemoryCounterStore.create());
    private final CollarSession gateway = CollarSession.gatewaySide(Samples.EUI, Samples.KEYS, gatewayStore);

    private static Decoded decoded(DecodeResult r) {
        return assertInstanceOf(Decoded.class, r, () -> r.toString());
    }

    private static Rejected rejected(DecodeResult r) {
        return assertInstanceOf(Rejected.class, r, () -> r.toString());
    }

    private static DecodeResult decode(CollarSession s, byte[] frame) {
        return s.decode(frame, 0, frame.length);
    }

    @Test
    void uplinks_fromCollarToGateway_areFreshWithVerifiedMicAndRisingCounters() {
        for (int i = 0; i < 3; i++) {
            Decoded d = decoded(decode(gateway, collar.encode(Samples.status(), FrameOptions.PLAIN)));
            assertEquals(Samples.status(), d.message());
            assertEquals(i, d.header().counter());
            assertEquals(MicCheck.OK, d.mic());
            assertEquals(Freshness.FRESH, d.freshness());
        }
        assertEquals(2, gatewayStore.load(Samples.EUI, CounterStream.UPLINK).orElseThrow().counter());
    }

    @Test
    void downlinks_fromGatewayToCollar_decodeOnTheCollar() {
        Message m = TimeSync.of(1_790_000_000_000L);
        Decoded d = decoded(decode(collar, gateway.encode(m, FrameOptions.of(true, false, false))));
        assertEquals(m, d.message());
        assertEquals(true, d.header().encrypted());
    }

    @Test
    void encryptedPayload_isNotTheClearPayloadOnAir_andDecodesBack() {
        CollarSession other = CollarSession.collarSide(Samples.EUI, Samples.KEYS, InMemoryCounterStore.create());
        byte[] clear = collar.encode(Samples.status(), FrameOptions.PLAIN);
        byte[] secret = other.encode(Samples.status(), FrameOptions.of(true, false, false));
        int h = FrameLayout.HEADER_SIZE;
        assertNotEquals(Arrays.toString(Arrays.copyOfRange(clear, h, h + 20)),
                Arrays.toString(Arrays.copyOfRange(secret, h, h + 20)));
        assertEquals(Samples.status(), decoded(decode(gateway, secret)).message());
    }

    @Test
    void everyFlippedBit_isRejectedAndNeverThrows() {
        byte[] frame = collar.encode(Samples.restingBatch(30), FrameOptions.of(true, true, false));
        for (int bit = 0; bit < frame.length * 8; bit++) {
            byte[] b = frame.clone();
            b[bit / 8] ^= (byte) (1 << (bit % 8));
            CollarSession fresh = CollarSession.gatewaySide(Samples.EUI, Samples.KEYS, InMemoryCounterStore.create());
            DecodeResult r = decode(fresh, b);
            assertTrue(r instanceof Rejected, "bit " + bit + " gave " + r);
        }
    }

    @Test
    void wrongKey_isBadMic() {
        SessionKeys other = SessionKeys.of(AesKey.ofHex("ffffffffffffffffffffffffffffffff"), Samples.PAYLOAD_KEY);
        byte[] frame = FrameCodec.of(Samples.EUI, other).encode(Samples.status(), 0, FrameOptions.PLAIN);
        Rejected r = rejected(decode(gateway, frame));
        assertEquals(RejectReason.BAD_MIC, r.reason());
        assertEquals(Samples.EUI, r.eui().orElseThrow());
        assertEquals(0, r.counter().getAsLong());
    }

    @Test
    void exactRepeat_ofTheLastFrame_isDuplicateAndDoesNotMoveTheCounter() {
        byte[] first = collar.encode(Samples.status(), FrameOptions.PLAIN);
        decoded(decode(gateway, first));
        Decoded again = decoded(decode(gateway, first));
        assertEquals(Freshness.DUPLICATE, again.freshness());
        assertEquals(Samples.status(), again.message());
        assertEquals(Freshness.FRESH, decoded(decode(gateway, collar.encode(Samples.status(), FrameOptions.PLAIN))).freshness());
    }

    @Test
    void olderFrame_afterANewerOne_isReplayed() {
        byte[] first = collar.encode(Samples.status(), FrameOptions.PLAIN);
        byte[] second = collar.encode(Samples.status(), FrameOptions.PLAIN);
        decoded(decode(gateway, first));
        decoded(decode(gateway, second));
        Rejected r = rejected(decode(gateway, first));
        assertEquals(RejectReason.REPLAYED, r.reason());
        assertEquals(0, r.counter().getAsLong());
    }

    @Test
    void differentFrame_withTheLastCounter_isReplayedNotDuplicate() {
        FrameCodec codec = FrameCodec.of(Samples.EUI, Samples.KEYS);
        decoded(decode(gateway, codec.encode(Samples.status(), 5, FrameOptions.PLAIN)));
        Rejected r = rejected(decode(gateway, codec.encode(Samples.restingBatch(3), 5, FrameOptions.PLAIN)));
        assertEquals(RejectReason.REPLAYED, r.reason());
    }

    @Test
    void countersPersist_aRestartedGatewayStillRejectsReplays() {
        byte[] first = collar.encode(Samples.status(), FrameOptions.PLAIN);
        decoded(decode(gateway, first));
        decoded(decode(gateway, collar.encode(Samples.status(), FrameOptions.PLAIN)));
        CollarSession restarted = CollarSession.gatewaySide(Samples.EUI, Samples.KEYS, gatewayStore);
        assertEquals(RejectReason.REPLAYED, rejected(decode(restarted, first)).reason());
        assertEquals(1, restarted.lastReceived().orElseThrow().counter());
    }

    @Test
    void shortCounter_acrossThe16BitWrap_rebuildsTheFullCounter() {
        FrameCodec codec = FrameCodec.of(Samples.EUI, Samples.KEYS);
        FrameOptions shortForm = FrameOptions.of(false, false, true);
        decoded(decode(gateway, codec.encode(Samples.status(), 0xFFFE, FrameOptions.PLAIN)));
        for (long c = 0xFFFF; c <= 0x1_0002L; c++) {
            byte[] frame = codec.encode(Samples.status(), c, shortForm);
            assertEquals(FrameLayout.HEADER_SIZE_SHORT + 20 + 4, frame.length);
            assertEquals(c, decoded(decode(gateway, frame)).header().counter());
        }
    }

    @Test
    void shortCounter_atTheMaximumGap_isAccepted_andOneBeyondFailsItsMic() {
        FrameCodec codec = FrameCodec.of(Samples.EUI, Samples.KEYS);
        FrameOptions shortForm = FrameOptions.of(false, false, true);
        decoded(decode(gateway, codec.encode(Samples.status(), 100_000, FrameOptions.PLAIN)));
        long atGap = 100_000 + FrameLayout.MAX_SHORT_COUNTER_GAP;
        assertEquals(atGap, decoded(decode(gateway, codec.encode(Samples.status(), atGap, shortForm))).header().counter());
        Rejected r = rejected(decode(gateway, codec.encode(Samples.status(), atGap + FrameLayout.MAX_SHORT_COUNTER_GAP + 1, shortForm)));
        assertEquals(RejectReason.BAD_MIC, r.reason());
        assertTrue(r.detail().contains("32-bit form"), r.detail());
    }

    @Test
    void shortCounter_farBehindAFreshSession_isReplayed() {
        FrameCodec codec = FrameCodec.of(Samples.EUI, Samples.KEYS);
        decoded(decode(gateway, codec.encode(Samples.status(), 10, FrameOptions.PLAIN)));
        assertEquals(RejectReason.REPLAYED,
                rejected(decode(gateway, codec.encode(Samples.status(), 60_000, FrameOptions.of(false, false, true)))).reason());
    }

    @Test
    void bigForwardJump_with32BitCounter_isAccepted() {
        FrameCodec codec = FrameCodec.of(Samples.EUI, Samples.KEYS);
        decoded(decode(gateway, codec.encode(Samples.status(), 10, FrameOptions.PLAIN)));
        assertEquals(4_000_000_000L, decoded(decode(gateway, codec.encode(Samples.status(), 4_000_000_000L,
                FrameOptions.PLAIN))).header().counter());
    }

    @Test
    void frameOfAnotherCollar_isUnknownCollar() {
        byte[] frame = FrameCodec.of(CollarEui.of(1), Samples.KEYS).encode(Samples.status(), 0, FrameOptions.PLAIN);
        assertEquals(RejectReason.UNKNOWN_COLLAR, rejected(decode(gateway, frame)).reason());
    }

    @Test
    void downlink_reachingTheGateway_isWrongDirection() {
        byte[] frame = gateway.encode(Ack.of(3), FrameOptions.PLAIN);
        assertEquals(RejectReason.WRONG_DIRECTION, rejected(decode(gateway, frame)).reason());
    }

    @Test
    void encode_messageOfTheOtherDirection_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> collar.encode(Ack.of(1), FrameOptions.PLAIN));
    }

    @Test
    void encode_intoACallerBuffer_equalsTheArrayForm() {
        CollarSession twin = CollarSession.collarSide(Samples.EUI, Samples.KEYS, InMemoryCounterStore.create());
        byte[] buf = new byte[FrameLayout.MAX_FRAME + 3];
        int len = twin.encode(Samples.status(), FrameOptions.PLAIN, buf, 3);
        assertArrayEquals(collar.encode(Samples.status(), FrameOptions.PLAIN), Arrays.copyOfRange(buf, 3, 3 + len));
    }

    @Test
    void truncatedRiceSamples_withAGoodMic_areRejectedNamingTheFrameCounter() {
        // A collar bug, not tampering: the MIC covers the short payload, so only the sample decoder sees it.
        collar.encode(Samples.status(), FrameOptions.PLAIN);
        byte[] good = collar.encode(Samples.restingBatch(40), FrameOptions.PLAIN);
        int h = FrameLayout.HEADER_SIZE;
        assertEquals(2, good[h + 7], "the resting batch is Rice-coded");
        int payload = good.length - h - FrameLayout.MIC_SIZE - 3;
        byte[] cut = Arrays.copyOf(good, h + payload + FrameLayout.MIC_SIZE);
        cut[FrameLayout.OFFSET_LENGTH] = (byte) payload;
        int mic = FrameMic.of(Samples.KEYS.micKey()).compute(0, Samples.EUI.value(), 1, cut, 0, h + payload);
        for (int i = 0; i < 4; i++) {
            cut[h + payload + i] = (byte) (mic >>> 8 * i);
        }
        Rejected r = rejected(decode(gateway, cut));
        assertEquals(RejectReason.BAD_PAYLOAD, r.reason());
        assertEquals(1, r.counter().orElseThrow());
        assertTrue(r.detail().contains("truncated"), r.detail());
        assertTrue(r.toString().contains("counter 1"), r.toString());
    }
}
