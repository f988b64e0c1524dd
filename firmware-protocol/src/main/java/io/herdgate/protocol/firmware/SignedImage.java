package io.herdgate.protocol.firmware;

import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.ImageId;

import java.util.Arrays;

/**
 * A firmware image ready to send: its bytes, manifest and the vendor's signature over the manifest.
 * Nothing here proves that the bytes match the manifest: the collar checks that after the last byte.
 *
 * @param manifest  size, hash, version and hardware revision
 * @param signature Ed25519 signature over {@link FirmwareManifest#signedBytes()}, 64 bytes
 * @param bytes     the image, exactly {@code manifest.sizeBytes()} long
 */
public record SignedImage(FirmwareManifest manifest, byte[] signature, byte[] bytes) {

    public SignedImage {
        if (signature.length != FirmwareCommand.Begin.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("signature must be 64 bytes, got " + signature.length);
        }
        if (bytes.length != manifest.sizeBytes()) {
            throw new IllegalArgumentException("image is " + bytes.length + " bytes, manifest says " + manifest.sizeBytes());
        }
        signature = signature.clone();
        bytes = bytes.clone();
    }

    public static SignedImage of(FirmwareManifest manifest, byte[] signature, byte[] bytes) {
        return new SignedImage(manifest, signature, bytes);
    }

    public ImageId image() {
        return manifest.image();
    }

    public long size() {
        return bytes.length;
    }

    /** A copy of the signature. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** A copy of the image bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The command that starts (or resumes) the update of this image. */
    public FirmwareCommand.Begin begin() {
        return FirmwareCommand.Begin.of(manifest.sizeBytes(), manifest.sha256(), manifest.version(),
                manifest.hardware(), signature);
    }

    /**
     * The chunk at {@code offset}, at most {@code maxBytes} long.
     *
     * @throws IllegalArgumentException if {@code offset} is not inside the image
     */
    public FirmwareCommand.Chunk chunk(long offset, int maxBytes) {
        if (offset < 0 || offset >= bytes.length) {
            throw new IllegalArgumentException("offset " + offset + " outside the image 0.." + (bytes.length - 1));
        }
        int len = (int) Math.min(maxBytes, bytes.length - offset);
        return FirmwareCommand.Chunk.of(image(), offset, Arrays.copyOfRange(bytes, (int) offset, (int) offset + len));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedImage s && s.manifest.equals(manifest) && Arrays.equals(s.signature, signature)
                && Arrays.equals(s.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return manifest.hashCode();
    }

    @Override
    public String toString() {
        return "SignedImage[" + manifest + "]";
    }
}
