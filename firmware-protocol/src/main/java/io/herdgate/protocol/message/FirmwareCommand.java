package io.herdgate.protocol.message;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A firmware-update command from the gateway to a collar. Every command names the image it is about
 * (an {@link ImageId}); byte layouts and the state machines of both sides are in
 * {@code firmware-protocol/spec/firmware-update.md}.
 */
public sealed interface FirmwareCommand extends Downlink {

    /** The image this command is about. */
    ImageId image();

    @Override
    default MessageType type() {
        return MessageType.FIRMWARE_COMMAND;
    }

    /**
     * Starts (or, for the same image, resumes) an update. The collar checks the signature over the
     * manifest before it accepts a single chunk.
     *
     * @param sizeBytes  image size in bytes, 1..2^32-1
     * @param sha256     SHA-256 of the whole image, 32 bytes
     * @param version    version the image reports once running
     * @param hardware   hardware revision the image is built for, 0..65535
     * @param signature  Ed25519 signature over the manifest, 64 bytes
     */
    record Begin(long sizeBytes, byte[] sha256, FirmwareVersion version, int hardware, byte[] signature)
            implements FirmwareCommand {

        public static final int SHA256_BYTES = 32;
        public static final int SIGNATURE_BYTES = 64;

        public Begin {
            if (sizeBytes < 1 || sizeBytes > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("sizeBytes out of 1..2^32-1: " + sizeBytes);
            }
            if (sha256.length != SHA256_BYTES) {
                throw new IllegalArgumentException("sha256 must be 32 bytes, got " + sha256.length);
            }
            if (hardware < 0 || hardware > 0xFFFF) {
                throw new IllegalArgumentException("hardware out of 0..65535: " + hardware);
            }
            if (signature.length != SIGNATURE_BYTES) {
                throw new IllegalArgumentException("signature must be 64 bytes, got " + signature.length);
            }
            sha256 = sha256.clone();
            signature = signature.clone();
        }

        public static Begin of(long sizeBytes, byte[] sha256, FirmwareVersion version, int hardware,
                               byte[] signature) {
            return new Begin(sizeBytes, sha256, version, hardware, signature);
        }

        @Override
        public ImageId image() {
            return ImageId.ofSha256(sha256);
        }

        /** A copy of the image hash. */
        @Override
        public byte[] sha256() {
            return sha256.clone();
        }

        /** A copy of the signature. */
        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Begin b && b.sizeBytes == sizeBytes && Arrays.equals(b.sha256, sha256)
                    && b.version.equals(version) && b.hardware == hardware && Arrays.equals(b.signature, signature);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sha256);
        }

        @Override
        public String toString() {
            return "Begin[image=" + image() + ", size=" + sizeBytes + ", version=" + version + ", hardware="
                    + hardware + "]";
        }
    }

    /**
     * Image bytes at an offset. Writing the same chunk twice is harmless.
     *
     * @param offset byte offset in the image, 0..2^32-1
     * @param data   1..{@link #MAX_DATA_BYTES} image bytes
     */
    record Chunk(ImageId image, long offset, byte[] data) implements FirmwareCommand {

        /**
         * Largest chunk: a full chunk frame is 17 (header) + 13 (chunk fields) + 192 + 4 (MIC) = 226 bytes,
         * inside the 255-byte radio frame.
         */
        public static final int MAX_DATA_BYTES = 192;

        public Chunk {
            if (offset < 0 || offset > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("offset out of 0..2^32-1: " + offset);
            }
            if (data.length < 1 || data.length > MAX_DATA_BYTES) {
                throw new IllegalArgumentException("chunk data out of 1.." + MAX_DATA_BYTES + " bytes: " + data.length);
            }
            data = data.clone();
        }

        public static Chunk of(ImageId image, long offset, byte[] data) {
            return new Chunk(image, offset, data);
        }

        /** A copy of the chunk bytes. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        /** Offset just past this chunk. */
        public long end() {
            return offset + data.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Chunk c && c.image.equals(image) && c.offset == offset && Arrays.equals(c.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * image.hashCode() + Long.hashCode(offset);
        }

        @Override
        public String toString() {
            return "Chunk[image=" + image + ", offset=" + offset + ", bytes=" + data.length + ", head="
                    + HexFormat.of().formatHex(data, 0, Math.min(4, data.length)) + "]";
        }
    }

    /** Asks for the verification result of a fully received image (hash and signature). */
    record Verify(ImageId image) implements FirmwareCommand {
        public static Verify of(ImageId image) {
            return new Verify(image);
        }
    }

    /** Reboots into the verified image tentatively; a reset before {@link Confirm} reverts it. */
    record TestBoot(ImageId image) implements FirmwareCommand {
        public static TestBoot of(ImageId image) {
            return new TestBoot(image);
        }
    }

    /** Makes the tentatively running image permanent. */
    record Confirm(ImageId image) implements FirmwareCommand {
        public static Confirm of(ImageId image) {
            return new Confirm(image);
        }
    }

    /** Drops a staged (not yet test-booted) image. */
    record Abort(ImageId image) implements FirmwareCommand {
        public static Abort of(ImageId image) {
            return new Abort(image);
        }
    }

    /** Asks where the update of this image stands; the collar answers as it would to a retried command. */
    record StatusQuery(ImageId image) implements FirmwareCommand {
        public static StatusQuery of(ImageId image) {
            return new StatusQuery(image);
        }
    }
}
