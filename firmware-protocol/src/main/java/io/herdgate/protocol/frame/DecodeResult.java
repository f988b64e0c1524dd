package io.herdgate.protocol.frame;

/**
 * The outcome of decoding one frame: {@link Decoded} or {@link Rejected}. Decoders return one of these
 * for any input bytes and never throw on bad input.
 */
public sealed interface DecodeResult permits Decoded, Rejected {

    /** True for {@link Decoded}. */
    default boolean isDecoded() {
        return this instanceof Decoded;
    }
}
