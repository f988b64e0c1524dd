package io.herdgate.protocol.frame;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A frame that was rejected, with what was known about it when it was.
 *
 * @param reason  the check that failed
 * @param detail  one sentence for an operator, naming the field and the allowed values
 * @param eui     the collar address, when the header got that far
 * @param counter the frame counter (full when rebuilt, else as on air), when the header got that far
 */
public record Rejected(RejectReason reason, String detail, Optional<CollarEui> eui, OptionalLong counter)
        implements DecodeResult {

    /** A rejection before the address could be read. */
    public static Rejected of(RejectReason reason, String detail) {
        return new Rejected(reason, detail, Optional.empty(), OptionalLong.empty());
    }

    /** A rejection of a frame whose address and counter are known. */
    public static Rejected of(RejectReason reason, String detail, CollarEui eui, long counter) {
        return new Rejected(reason, detail, Optional.of(eui), OptionalLong.of(counter));
    }

    @Override
    public String toString() {
        return "Rejected[" + reason.wireName() + ": " + detail + eui.map(e -> ", eui " + e).orElse("")
                + (counter.isPresent() ? ", counter " + counter.getAsLong() : "") + "]";
    }
}
