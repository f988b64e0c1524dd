package io.herdgate.gateway.cli;

import io.herdgate.protocol.codec.FrameInspector;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Direction;
import io.herdgate.protocol.frame.FrameHeader;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.frame.Rejected;
import io.herdgate.protocol.join.JoinFrames;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.protocol.session.InMemoryCounterStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes raw frames for {@code herdgate decode} with whatever keys the key file has: session frames of a
 * listed collar go through a {@link CollarSession} (MIC checked, counters tracked across the input, so
 * repeats show as duplicates or replays), join frames through the root key, and anything else without
 * keys (MIC unchecked).
 */
final class KeyedDecoder {

    private final KeyFile keys;
    private final InMemoryCounterStore store = InMemoryCounterStore.create();
    private final Map<CollarEui, CollarSession> gatewaySide = new HashMap<>();
    private final Map<CollarEui, CollarSession> collarSide = new HashMap<>();

    KeyedDecoder(KeyFile keys) {
        this.keys = keys;
    }

    DecodeResult decode(byte[] b) {
        Optional<Rejected> bad = FrameParser.check(b, 0, b.length);
        if (bad.isPresent()) {
            return bad.get();
        }
        FrameHeader h = FrameParser.header(b, 0);
        Optional<KeyFile.Entry> entry = keys.get(h.eui());
        if (h.type() == MessageType.JOIN_REQUEST || h.type() == MessageType.JOIN_ACCEPT) {
            Optional<AesKey> root = entry.flatMap(KeyFile.Entry::rootKey);
            return root.isPresent() ? JoinFrames.decode(b, 0, b.length, root.get()) : FrameInspector.decode(b, 0, b.length);
        }
        Optional<AesKey> mic = entry.flatMap(KeyFile.Entry::micKey);
        if (mic.isEmpty()) {
            return FrameInspector.decode(b, 0, b.length);
        }
        Optional<AesKey> payload = entry.flatMap(KeyFile.Entry::payloadKey);
        if (h.encrypted() && payload.isEmpty()) {
            return Rejected.of(RejectReason.NO_PAYLOAD_KEY, "payload is encrypted and the key file has no payload_key"
                    + " for collar " + h.eui(), h.eui(), h.counter());
        }
        // Without a payload key only clear frames reach the session, so the MIC key stands in harmlessly.
        SessionKeys sessionKeys = SessionKeys.of(mic.get(), payload.orElse(mic.get()));
        CollarSession session = h.direction() == Direction.UP
                ? gatewaySide.computeIfAbsent(h.eui(), e -> CollarSession.gatewaySide(e, sessionKeys, store))
                : collarSide.computeIfAbsent(h.eui(), e -> CollarSession.collarSide(e, sessionKeys, store));
        return session.decode(b, 0, b.length);
    }
}
