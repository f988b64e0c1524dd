package io.herdgate.protocol.session;

import io.herdgate.protocol.codec.FrameCodec;
import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Direction;
import io.herdgate.protocol.frame.FrameHeader;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.frame.Freshness;
import io.herdgate.protocol.frame.MicCheck;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.frame.Rejected;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.MessageType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One collar's session as seen from one side: its keys and both counter streams. The gateway side
 * receives uplinks and sends downlinks; the collar side the reverse. Receiving checks, in order: frame
 * structure, address, direction, counter rebuild, MIC, then freshness against the last accepted frame
 * (exact repeat → {@link Freshness#DUPLICATE}; any other counter at or below it →
 * {@link RejectReason#REPLAYED}). Every frame with a good MIC and a new counter moves the counter on and
 * is saved to the {@link CounterStore} before the result is returned, even if its payload then turns
 * out malformed. Not thread-safe: one session per collar, used by one thread at a time.
 */
public final class CollarSession {

    private static final long NONE = -1;

    private final CollarEui eui;
    private final FrameCodec codec;
    private final CounterStore store;
    private final Direction receives;
    private final CounterStream inbound;
    private final CounterStream outbound;
    /**
     * The last counter accepted from the other side ({@link #NONE} before the first frame of the session) and
     * its frame's MIC, as values: a state object per frame kept here until the next frame would outlive the
     * young generation of a busy gateway and be collected with the old one.
     */
    private long lastInCounter;
    private int lastInMic;
    private CounterState lastOut;

    private CollarSession(CollarEui eui, SessionKeys keys, CounterStore store, Direction receives) {
        this.eui = eui;
        this.codec = FrameCodec.of(eui, keys);
        this.store = store;
        this.receives = receives;
        this.inbound = receives == Direction.UP ? CounterStream.UPLINK : CounterStream.DOWNLINK;
        this.outbound = receives == Direction.UP ? CounterStream.DOWNLINK : CounterStream.UPLINK;
        Optional<CounterState> in = store.load(eui, inbound);
        this.lastInCounter = in.map(CounterState::counter).orElse(NONE);
        this.lastInMic = in.map(CounterState::mic).orElse(0);
        this.lastOut = store.load(eui, outbound).orElse(null);
    }

    /** The gateway's session with a collar: receives uplinks, sends downlinks. */
    public static CollarSession gatewaySide(CollarEui eui, SessionKeys keys, CounterStore store) {
        return new CollarSession(eui, keys, store, Direction.UP);
    }

    /** A collar's session with the gateway: receives downlinks, sends uplinks. */
    public static CollarSession collarSide(CollarEui eui, SessionKeys keys, CounterStore store) {
        return new CollarSession(eui, keys, store, Direction.DOWN);
    }

    public CollarEui eui() {
        return eui;
    }

    /** The last counter accepted from the other side, empty before the first frame of the session. */
    public Optional<CounterState> lastReceived() {
        return lastInCounter == NONE ? Optional.empty() : Optional.of(CounterState.of(lastInCounter, lastInMic));
    }

    /** The last counter this side sent, empty before the first frame of the session. */
    public Optional<CounterState> lastSent() {
        return Optional.ofNullable(lastOut);
    }

    /** Decodes and checks the frame {@code b[off, off+len)}; never throws on bad bytes. */
    public DecodeResult decode(byte[] b, int off, int len) {
        Optional<Rejected> bad = FrameParser.check(b, off, len);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (FrameParser.euiValue(b, off) != eui.value()) {
            FrameHeader h = FrameParser.header(b, off);
            return Rejected.of(RejectReason.UNKNOWN_COLLAR, "frame from collar " + h.eui()
                    + " given to the session of " + eui, h.eui(), h.counter());
        }
        FrameHeader onAir = FrameParser.header(b, off, eui);
        if (onAir.direction() != receives) {
            return reject(RejectReason.WRONG_DIRECTION, onAir, "a " + (receives == Direction.UP ? "gateway" : "collar")
                    + " receives only " + receives.name().toLowerCase(Locale.ROOT) + "links");
        }
        if (onAir.type() == MessageType.JOIN_REQUEST || onAir.type() == MessageType.JOIN_ACCEPT) {
            return reject(RejectReason.UNSUPPORTED_TYPE, onAir,
                    "join frames are authenticated with the root key, not session keys");
        }
        long last = lastInCounter;
        long full = CounterWindow.rebuild(last, onAir.counter(), onAir.shortCounter());
        if (full == CounterWindow.BEFORE_ZERO || full > 0xFFFF_FFFFL) {
            return reject(RejectReason.REPLAYED, onAir, "16-bit counter " + onAir.counter()
                    + " is more than " + FrameLayout.MAX_SHORT_COUNTER_GAP + " ahead of last counter " + last
                    + (full > 0 ? " and past 2^32-1 (the collar must join again)" : ", so taken as an old frame"));
        }
        FrameHeader h = onAir.withCounter(full);
        if (!codec.micMatches(h, b, off, len)) {
            return reject(RejectReason.BAD_MIC, h, "MIC mismatch" + (h.shortCounter()
                    ? " (16-bit counter rebuilt as " + full + "; after a gap over "
                    + FrameLayout.MAX_SHORT_COUNTER_GAP + " frames the sender must use the 32-bit form)" : ""));
        }
        int mic = FrameParser.mic(b, off, len);
        if (lastInCounter != NONE && full <= lastInCounter) {
            if (full == lastInCounter && mic == lastInMic) {
                return codec.open(h, b, off, MicCheck.OK, Freshness.DUPLICATE);
            }
            return reject(RejectReason.REPLAYED, h, "counter " + full + " not above last accepted " + lastInCounter);
        }
        lastInCounter = full;
        lastInMic = mic;
        store.save(eui, inbound, CounterState.of(full, mic));
        return codec.open(h, b, off, MicCheck.OK, Freshness.FRESH);
    }

    /**
     * Writes {@code message} as the next frame of this side at {@code out[off]} (room for
     * {@link FrameLayout#MAX_FRAME} bytes) and saves the counter; returns the frame length.
     *
     * @throws IllegalArgumentException if the message travels the other way
     * @throws IllegalStateException    if the 32-bit counter is exhausted (the collar must join again)
     */
    public int encode(Message message, FrameOptions options, byte[] out, int off) {
        Direction sends = receives == Direction.UP ? Direction.DOWN : Direction.UP;
        if (message.type().isUplink() != (sends == Direction.UP)) {
            throw new IllegalArgumentException(message.type() + " cannot be sent " + sends + " by this session");
        }
        long next = lastOut == null ? 0 : lastOut.counter() + 1;
        if (next > 0xFFFF_FFFFL) {
            throw new IllegalStateException("frame counter of collar " + eui + " exhausted; it must join again");
        }
        int len = codec.encode(message, next, options, out, off);
        lastOut = CounterState.of(next, FrameParser.mic(out, off, len));
        store.save(eui, outbound, lastOut);
        return len;
    }

    /** The next frame of {@code message} as a new array; see {@link #encode(Message, FrameOptions, byte[], int)}. */
    public byte[] encode(Message message, FrameOptions options) {
        byte[] out = new byte[FrameLayout.MAX_FRAME];
        return Arrays.copyOf(out, encode(message, options, out, 0));
    }

    private static Rejected reject(RejectReason reason, FrameHeader h, String detail) {
        return Rejected.of(reason, detail, h.eui(), h.counter());
    }
}
