package io.herdgate.protocol.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.protocol.Samples;
import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.Freshness;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.frame.Rejected;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.JoinAccept;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.protocol.session.CounterStore;
import io.herdgate.protocol.session.CounterStream;
import io.herdgate.protocol.session.InMemoryCounterStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JoinTest {

    private static final FirmwareVersion FW = FirmwareVersion.of(1, 2, 3);
    private final CounterStore gatewayStore = InMemoryCounterStore.create();
    private final CounterStore collarStore = InMemoryCounterStore.create();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private final JoinServer server = JoinServer.of(0x000013,
            eui -> eui.equals(Samples.EUI) ? Optional.of(Samples.ROOT_KEY) : Optional.empty(),
            gatewayStore, clock, new SplittableRandom(7));
    private final CollarJoin collar = CollarJoin.of(Samples.EUI, Samples.ROOT_KEY, collarStore);

    private static <T> T as(Class<T> type, DecodeResult r) {
        return assertInstanceOf(type, r, () -> r.toString());
    }

    private DecodeResult offer(byte[] frame) {
        return server.decodeRequest(frame, 0, frame.length);
    }

    @Test
    void join_endToEnd_bothSidesDeriveTheSameKeysAndTalk() {
        Decoded req = as(Decoded.class, offer(collar.request(FW)));
        JoinRequest request = (JoinRequest) req.message();
        assertEquals(0, request.collarNonce());
        assertEquals(Freshness.FRESH, req.freshness());
        JoinGrant grant = server.accept(Samples.EUI, request, CollarConfig.defaults());
        assertEquals(clock.instant().getEpochSecond(), grant.accept().gatewayTimeS());

        byte[] acceptFrame = grant.frame();
        Decoded acc = as(Decoded.class, collar.decodeAccept(acceptFrame, 0, acceptFrame.length));
        JoinAccept accept = (JoinAccept) acc.message();
        assertEquals(grant.accept(), accept);
        SessionKeys keys = collar.sessionKeys(accept);
        assertEquals(grant.keys(), keys);

        CollarSession up = CollarSession.collarSide(Samples.EUI, keys, collarStore);
        CollarSession gw = CollarSession.gatewaySide(Samples.EUI, grant.keys(), gatewayStore);
        byte[] frame = up.encode(Samples.status(), FrameOptions.of(true, false, false));
        assertEquals(Samples.status(), as(Decoded.class, gw.decode(frame, 0, frame.length)).message());
    }

    @Test
    void joinAccept_onAir_hidesItsPayload() {
        JoinRequest request = (JoinRequest) as(Decoded.class, offer(collar.request(FW))).message();
        JoinGrant grant = server.accept(Samples.EUI, request, CollarConfig.defaults());
        byte[] clear = io.herdgate.protocol.payload.PayloadCodec.encode(grant.accept());
        byte[] onAir = java.util.Arrays.copyOfRange(grant.frame(), 17, 17 + clear.length);
        assertTrue(!java.util.Arrays.equals(clear, onAir));
    }

    @Test
    void newJoin_resetsTheFrameCountersOfBothSides() {
        gatewayStore.save(Samples.EUI, CounterStream.UPLINK, io.herdgate.protocol.session.CounterState.of(900, 1));
        JoinRequest request = (JoinRequest) as(Decoded.class, offer(collar.request(FW))).message();
        server.accept(Samples.EUI, request, CollarConfig.defaults());
        assertEquals(Optional.empty(), gatewayStore.load(Samples.EUI, CounterStream.UPLINK));
    }

    @Test
    void sameJoinRequestTwice_isDuplicate_anOlderOneIsReplayed() {
        byte[] first = collar.request(FW);
        byte[] second = collar.request(FW);
        as(Decoded.class, offer(first));
        as(Decoded.class, offer(second));
        assertEquals(Freshness.DUPLICATE, as(Decoded.class, offer(second)).freshness());
        assertEquals(RejectReason.REPLAYED, as(Rejected.class, offer(first)).reason());
    }

    @Test
    void joinRequest_ofAnUnknownCollar_isUnknownCollar() {
        byte[] frame = CollarJoin.of(CollarEui.of(99), Samples.ROOT_KEY, InMemoryCounterStore.create()).request(FW);
        assertEquals(RejectReason.UNKNOWN_COLLAR, as(Rejected.class, offer(frame)).reason());
    }

    @Test
    void joinRequest_underAnotherRootKey_isBadMic() {
        byte[] frame = CollarJoin.of(Samples.EUI, AesKey.ofHex("0f0e0d0c0b0a09080706050403020100"),
                InMemoryCounterStore.create()).request(FW);
        assertEquals(RejectReason.BAD_MIC, as(Rejected.class, offer(frame)).reason());
    }

    @Test
    void joinAccept_forAnEarlierRequest_isReplayedOnTheCollar() {
        JoinRequest first = (JoinRequest) as(Decoded.class, offer(collar.request(FW))).message();
        byte[] oldAccept = server.accept(Samples.EUI, first, CollarConfig.defaults()).frame();
        collar.request(FW);
        assertEquals(RejectReason.REPLAYED, as(Rejected.class, collar.decodeAccept(oldAccept, 0, oldAccept.length)).reason());
    }

    @Test
    void joinAccept_withAFlippedBit_isBadMic() {
        JoinRequest request = (JoinRequest) as(Decoded.class, offer(collar.request(FW))).message();
        byte[] accept = server.accept(Samples.EUI, request, CollarConfig.defaults()).frame();
        accept[20] ^= 1;
        assertEquals(RejectReason.BAD_MIC, as(Rejected.class, collar.decodeAccept(accept, 0, accept.length)).reason());
    }

    @Test
    void joinNonces_continueAfterACollarRestart() {
        collar.request(FW);
        collar.request(FW);
        CollarJoin restarted = CollarJoin.of(Samples.EUI, Samples.ROOT_KEY, collarStore);
        JoinRequest r = (JoinRequest) as(Decoded.class, offer(restarted.request(FW))).message();
        assertEquals(2, r.collarNonce());
    }
}
