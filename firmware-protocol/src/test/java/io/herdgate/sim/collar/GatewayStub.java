package io.herdgate.sim.collar;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.join.JoinGrant;
import io.herdgate.protocol.join.JoinServer;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.protocol.session.InMemoryCounterStore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The gateway side for tests, built from the codec's real join and session logic: it grants joins with
 * {@code config}, decodes every uplink through the collar's gateway-side session and keeps the results;
 * downlinks wait in {@link #downlinks} until the test delivers them.
 */
public final class GatewayStub implements Transport {

    public final Map<CollarEui, AesKey> rootKeys = new HashMap<>();
    final InMemoryCounterStore store = InMemoryCounterStore.create();
    public final Map<CollarEui, CollarSession> sessions = new HashMap<>();
    public final List<DecodeResult> results = new ArrayList<>();
    public final List<byte[]> downlinks = new ArrayList<>();
    final JoinServer joinServer;
    public CollarConfig config = CollarConfig.defaults();

    public GatewayStub(Instant time) {
        this.joinServer = JoinServer.of(0x00A1B2, eui -> Optional.ofNullable(rootKeys.get(eui)), store,
                Clock.fixed(time, ZoneOffset.UTC), new Random(42));
    }

    @Override
    public void send(byte[] frame) {
        CollarEui eui = CollarEui.of(FrameParser.euiValue(frame, 0));
        if ((frame[1] & 0xFF) == MessageType.JOIN_REQUEST.code()) {
            DecodeResult r = joinServer.decodeRequest(frame, 0, frame.length);
            results.add(r);
            if (r instanceof Decoded d) {
                JoinGrant g = joinServer.accept(eui, (JoinRequest) d.message(), config);
                sessions.put(eui, CollarSession.gatewaySide(eui, g.keys(), store));
                downlinks.add(g.frame());
            }
            return;
        }
        CollarSession s = sessions.get(eui);
        if (s == null) {
            throw new AssertionError("uplink from collar " + eui + " before its join");
        }
        results.add(s.decode(frame, 0, frame.length));
    }

    /** Hands every waiting downlink to the collar. */
    void deliver(SimulatedCollar collar) {
        deliverTo(collar::receive);
    }

    /** Hands every waiting downlink to {@code receiver}, oldest first. */
    public void deliverTo(java.util.function.Consumer<byte[]> receiver) {
        List<byte[]> now = List.copyOf(downlinks);
        downlinks.clear();
        now.forEach(receiver);
    }

    /** Decoded messages of one type, in arrival order. */
    public <T extends Message> List<T> messages(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (DecodeResult r : results) {
            if (r instanceof Decoded d && type.isInstance(d.message())) {
                out.add(type.cast(d.message()));
            }
        }
        return out;
    }

    public List<Decoded> decoded() {
        return results.stream().filter(r -> r instanceof Decoded).map(r -> (Decoded) r).toList();
    }
}
