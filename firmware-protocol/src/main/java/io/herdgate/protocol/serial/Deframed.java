package io.herdgate.protocol.serial;

import java.util.Objects;

/** What the {@link Deframer} makes of the bytes before one delimiter: a record, or a typed rejection. */
public sealed interface Deframed {

    /** A record whose COBS, CRC and layout are all valid. */
    record Accepted(DongleRecord record) implements Deframed {
        public Accepted {
            Objects.requireNonNull(record, "record");
        }

        public static Accepted of(DongleRecord record) {
            return new Accepted(record);
        }
    }

    /**
     * Bytes dropped and why.
     *
     * @param reason        why
     * @param streamOffset  position of the first dropped byte, counted from the first byte fed to the deframer
     * @param encodedLength how many bytes were dropped, the delimiter excluded (≥ 1)
     */
    record Rejected(Rejection reason, long streamOffset, long encodedLength) implements Deframed {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        public static Rejected of(Rejection reason, long streamOffset, long encodedLength) {
            return new Rejected(reason, streamOffset, encodedLength);
        }

        @Override
        public String toString() {
            return "rejected " + encodedLength + " bytes at stream offset " + streamOffset + ": "
                    + reason.description();
        }
    }
}
