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
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.JoinAccept;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.session.CounterState;
import io.herdgate.protocol.session.CounterStore;
import io.herdgate.protocol.session.CounterStream;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The collar side of the join: sends join requests with a collar nonce one above the last one used
 * (kept in the {@link CounterStream#JOIN} stream of the collar's store, so nonces never repeat for one
 * root key), and opens the join accept that answers the outstanding request. Not thread-safe.
 */
public final class CollarJoin {

    private final CollarEui eui;
    private final AesKey root;
    private final CounterStore store;
    private OptionalInt pendingNonce = OptionalInt.empty();

    private CollarJoin(CollarEui eui, AesKey root, CounterStore store) {
        this.eui = eui;
        this.root = root;
        this.store = store;
    }

    public static CollarJoin of(CollarEui eui, AesKey root, CounterStore store) {
        return new CollarJoin(eui, root, store);
    }

    /**
     * A new join request frame; a later accept must answer this one.
     *
     * @throws IllegalStateException when all 65536 collar nonces of this root key are used up
     */
    public byte[] request(FirmwareVersion firmware) {
        long next = store.load(eui, CounterStream.JOIN).map(s -> s.counter() + 1).orElse(0L);
        if (next > 0xFFFF) {
            throw new IllegalStateException("collar " + eui + " has used all join nonces of its root key");
        }
        byte[] frame = JoinFrames.request(eui, root, JoinRequest.of((int) next, firmware));
        store.save(eui, CounterStream.JOIN, CounterState.of(next, FrameParser.mic(frame, 0, frame.length)));
        pendingNonce = OptionalInt.of((int) next);
        return frame;
    }

    /**
     * Opens a join accept; on success the collar's frame counters start afresh and
     * {@link #sessionKeys} gives the new keys. Never throws on bad bytes.
     */
    public DecodeResult decodeAccept(byte[] b, int off, int len) {
        Optional<Rejected> bad = FrameParser.check(b, off, len);
        if (bad.isPresent()) {
            return bad.get();
        }
        FrameHeader h = FrameParser.header(b, off);
        if (!h.eui().equals(eui)) {
            return JoinFrames.reject(RejectReason.UNKNOWN_COLLAR, h, "join accept for collar " + h.eui()
                    + " reached collar " + eui);
        }
        bad = JoinFrames.checkHeader(h, MessageType.JOIN_ACCEPT);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (pendingNonce.isEmpty() || pendingNonce.getAsInt() != h.counter()) {
            return JoinFrames.reject(RejectReason.REPLAYED, h, "join accept answers collar nonce " + h.counter()
                    + (pendingNonce.isEmpty() ? " but no join request is outstanding"
                    : " but the outstanding request has nonce " + pendingNonce.getAsInt()));
        }
        DecodeResult r = JoinFrames.openAccept(h, root, b, off);
        if (r instanceof Decoded d) {
            store.clear(eui, CounterStream.UPLINK);
            store.clear(eui, CounterStream.DOWNLINK);
            return Decoded.of(d.header(), d.message(), d.mic(), Freshness.FRESH);
        }
        return r;
    }

    /**
     * The session keys for {@code accept}, which answered the outstanding request.
     *
     * @throws IllegalStateException if no request is outstanding
     */
    public SessionKeys sessionKeys(JoinAccept accept) {
        int nonce = pendingNonce.orElseThrow(() -> new IllegalStateException("no join request outstanding"));
        return SessionKeys.derive(root, accept.gatewayNonce(), accept.networkId(), nonce);
    }
}
