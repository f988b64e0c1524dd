package io.herdgate.protocol.message;

import java.util.Optional;

/**
 * A collar's reply during a firmware update. Every reply names the image it is about, so the gateway
 * ignores a late reply about another image. Byte layouts are in
 * {@code firmware-protocol/spec/firmware-update.md}.
 */
public sealed interface FirmwareReply extends Uplink {

    /** The image this reply is about. */
    ImageId image();

    @Override
    default MessageType type() {
        return MessageType.FIRMWARE_REPLY;
    }

    /**
     * The collar holds bytes {@code [0, nextOffset)} of the image and wants {@code nextOffset} next. It
     * never decreases while the same image is staged, so the gateway may take the largest one it saw.
     *
     * @param nextOffset 0..image size
     */
    record NextOffset(ImageId image, long nextOffset) implements FirmwareReply {
        public NextOffset {
            CollarStatus.checkU32("nextOffset", nextOffset);
        }

        public static NextOffset of(ImageId image, long nextOffset) {
            return new NextOffset(image, nextOffset);
        }
    }

    /** The whole image is in flash, its SHA-256 matches and its signature is good. */
    record Verified(ImageId image) implements FirmwareReply {
        public static Verified of(ImageId image) {
            return new Verified(image);
        }
    }

    /** The collar runs the image tentatively; it reverts on the next reset unless confirmed. */
    record Booted(ImageId image, FirmwareVersion running) implements FirmwareReply {
        public static Booted of(ImageId image, FirmwareVersion running) {
            return new Booted(image, running);
        }
    }

    /** The image is permanent and running. */
    record Confirmed(ImageId image, FirmwareVersion running) implements FirmwareReply {
        public static Confirmed of(ImageId image, FirmwareVersion running) {
            return new Confirmed(image, running);
        }
    }

    /** The collar reset during the test boot of the image and went back to the version it names. */
    record Reverted(ImageId image, FirmwareVersion running) implements FirmwareReply {
        public static Reverted of(ImageId image, FirmwareVersion running) {
            return new Reverted(image, running);
        }
    }

    /** The staged image was dropped on request. */
    record Aborted(ImageId image) implements FirmwareReply {
        public static Aborted of(ImageId image) {
            return new Aborted(image);
        }
    }

    /** The collar refused a command about this image. */
    record Rejected(ImageId image, Reason reason) implements FirmwareReply {
        public static Rejected of(ImageId image, Reason reason) {
            return new Rejected(image, reason);
        }
    }

    /** Why a collar refused a firmware command; the code is the byte on air. */
    enum Reason {
        /** The Ed25519 signature over the manifest does not verify with the vendor key. */
        BAD_SIGNATURE(1),
        /** The received bytes do not hash to the SHA-256 in the signed manifest. */
        HASH_MISMATCH(2),
        /** The image does not fit the collar's update slot. */
        TOO_LARGE(3),
        /** The command needs an update of this image in progress and there is none. */
        NO_UPDATE_IN_PROGRESS(4),
        /** Another image is staged or on trial; abort it or let it finish first. */
        WRONG_IMAGE(5),
        /** The image is built for another hardware revision. */
        WRONG_HARDWARE(6),
        /** A chunk reaches past the image size. */
        BAD_OFFSET(7),
        /** Test boot asked before the image verified. */
        NOT_VERIFIED(8),
        /** Confirm asked while the image is not on trial. */
        NOT_BOOTED(9),
        /** The image is older than the running firmware. */
        DOWNGRADE(10);

        private final int code;

        Reason(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static Optional<Reason> ofCode(int code) {
            for (Reason r : values()) {
                if (r.code == code) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }
}
