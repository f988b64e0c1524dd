package io.herdgate.protocol.join;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.FrameHeader;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.frame.Freshness;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.frame.Rejected;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.JoinAccept;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.session.CounterState;
import io.herdgate.protocol.session.CounterStore;
import io.herdgate.protocol.session.CounterStream;
import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The gateway side of the join: checks join requests against the collar's root key and its last collar
 * nonce, and grants joins. A request whose nonce is above the last accepted one is
 * {@link Freshness#FRESH}; an exact repeat of the last one is {@link Freshness#DUPLICATE} (answer it
 * with the grant already sent, do not grant again); any other is {@link RejectReason#REPLAYED}.
 * Thread-safe.
 */
public final class JoinServer {

    private final int networkId;
    private final RootKeys rootKeys;
    private final CounterStore store;
    private final Clock clock;
    private final RandomGenerator random;

    private JoinServer(int networkId, RootKeys rootKeys, CounterStore store, Clock clock, RandomGenerator random) {
        if (networkId < 0 || networkId > 0xFF_FFFF) {
            throw new IllegalArgumentException("networkId out of 0..0xFFFFFF: " + networkId);
        }
        this.networkId = networkId;
        this.rootKeys = rootKeys;
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    /**
     * @param networkId 24-bit id of this gateway's network, sent in every join accept
     * @param clock     gives the collar its first clock in the join accept
     * @param random    source of gateway nonces (a {@code SecureRandom} in production)
     */
    public static JoinServer of(int networkId, RootKeys rootKeys, CounterStore store, Clock clock,
                                RandomGenerator random) {
        return new JoinServer(networkId, rootKeys, store, clock, random);
    }

    /** Decodes and checks a join request frame; never throws on bad bytes. */
    public synchronized DecodeResult decodeRequest(byte[] b, int off, int len) {
        Optional<Rejected> bad = FrameParser.check(b, off, len);
        if (bad.isPresent()) {
            return bad.get();
        }
        FrameHeader h = FrameParser.header(b, off);
        bad = JoinFrames.checkHeader(h, MessageType.JOIN_REQUEST);
        if (bad.isPresent()) {
            return bad.get();
        }
        Optional<AesKey> root = rootKeys.rootKey(h.eui());
        if (root.isEmpty()) {
            return JoinFrames.reject(RejectReason.UNKNOWN_COLLAR, h, "no root key for collar " + h.eui()
                    + "; pair it first");
        }
        DecodeResult r = JoinFrames.openRequest(h, root.get(), b, off, len);
        if (!(r instanceof Decoded d)) {
            return r;
        }
        int nonce = ((JoinRequest) d.message()).collarNonce();
        if (nonce != h.counter()) {
            return JoinFrames.reject(RejectReason.BAD_PAYLOAD, h, "collar nonce " + nonce
                    + " differs from the frame counter " + h.counter());
        }
        int mic = FrameParser.mic(b, off, len);
        Optional<CounterState> last = store.load(h.eui(), CounterStream.JOIN);
        if (last.isPresent() && nonce <= last.get().counter()) {
            if (nonce == last.get().counter() && mic == last.get().mic()) {
                return Decoded.of(h, d.message(), d.mic(), Freshness.DUPLICATE);
            }
            return JoinFrames.reject(RejectReason.REPLAYED, h, "collar nonce " + nonce
                    + " not above the last accepted " + last.get().counter());
        }
        store.save(h.eui(), CounterStream.JOIN, CounterState.of(nonce, mic));
        return Decoded.of(h, d.message(), d.mic(), Freshness.FRESH);
    }

    /**
     * Grants the join of a fresh request: picks a gateway nonce, derives the session keys, forgets the
     * collar's frame counters and returns the join accept frame.
     *
     * @throws IllegalArgumentException if the collar has no root key
     */
    public synchronized JoinGrant accept(CollarEui eui, JoinRequest request, CollarConfig config) {
        AesKey root = rootKeys.rootKey(eui)
                .orElseThrow(() -> new IllegalArgumentException("no root key for collar " + eui));
        int gatewayNonce = random.nextInt(0x100_0000);
        JoinAccept accept = JoinAccept.of(gatewayNonce, networkId, clock.instant().getEpochSecond(), config);
        SessionKeys keys = SessionKeys.derive(root, gatewayNonce, networkId, request.collarNonce());
        store.clear(eui, CounterStream.UPLINK);
        store.clear(eui, CounterStream.DOWNLINK);
        return JoinGrant.of(eui, keys, accept, JoinFrames.accept(eui, root, request.collarNonce(), accept));
    }
}
