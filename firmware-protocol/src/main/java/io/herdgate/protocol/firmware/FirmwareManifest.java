package io.herdgate.protocol.firmware;

import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.ImageId;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the vendor signs about an image: its size, SHA-256, version and the hardware revision it is built
 * for. The Ed25519 signature covers exactly {@link #signedBytes()}.
 *
 * @param sizeBytes image size in bytes, 1..2^32-1
 * @param sha256    SHA-256 of the image, 32 bytes
 * @param version   version the image reports once running
 * @param hardware  hardware revision, 0..65535
 */
public record FirmwareManifest(long sizeBytes, byte[] sha256, FirmwareVersion version, int hardware) {

    /** Domain-separation prefix of the signed bytes, so a manifest signature cannot be replayed elsewhere. */
    static final byte[] MAGIC = "herdgate-fw-manifest-v1".getBytes(StandardCharsets.US_ASCII);

    public FirmwareManifest {
        if (sizeBytes < 1 || sizeBytes > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("sizeBytes out of 1..2^32-1: " + sizeBytes);
        }
        if (sha256.length != 32) {
            throw new IllegalArgumentException("sha256 must be 32 bytes, got " + sha256.length);
        }
        if (hardware < 0 || hardware > 0xFFFF) {
            throw new IllegalArgumentException("hardware out of 0..65535: " + hardware);
        }
        sha256 = sha256.clone();
    }

    public static FirmwareManifest of(long sizeBytes, byte[] sha256, FirmwareVersion version, int hardware) {
        return new FirmwareManifest(sizeBytes, sha256, version, hardware);
    }

    /** The manifest of {@code image} as it is. */
    public static FirmwareManifest ofImage(byte[] image, FirmwareVersion version, int hardware) {
        return of(image.length, sha256Of(image), version, hardware);
    }

    /** The id the image goes by on air. */
    public ImageId image() {
        return ImageId.ofSha256(sha256);
    }

    /** A copy of the hash. */
    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /**
     * The signed bytes: the ASCII text {@code herdgate-fw-manifest-v1}, then the size as u32 little-endian,
     * the 32 hash bytes, version major, minor, patch (one byte each) and the hardware revision as u16
     * little-endian; 64 bytes in all.
     */
    public byte[] signedBytes() {
        return ByteBuffer.allocate(SIGNED_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .put(MAGIC)
                .putInt((int) sizeBytes)
                .put(sha256)
                .put((byte) version.major()).put((byte) version.minor()).put((byte) version.patch())
                .putShort((short) hardware)
                .array();
    }

    /** Length of {@link #signedBytes()}. */
    public static final int SIGNED_BYTES = MAGIC.length + 4 + 32 + 3 + 2;

    /**
     * The manifest whose {@link #signedBytes()} are {@code b[off, off + SIGNED_BYTES)}, or empty if they do
     * not start with the magic text or the size is 0.
     */
    public static Optional<FirmwareManifest> parse(byte[] b, int off) {
        if (b.length - off < SIGNED_BYTES
                || !Arrays.equals(b, off, off + MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(b, off + MAGIC.length, SIGNED_BYTES - MAGIC.length).order(ByteOrder.LITTLE_ENDIAN);
        long size = Integer.toUnsignedLong(in.getInt());
        byte[] sha = new byte[32];
        in.get(sha);
        FirmwareVersion version = FirmwareVersion.of(in.get() & 0xFF, in.get() & 0xFF, in.get() & 0xFF);
        int hardware = in.getShort() & 0xFFFF;
        return size == 0 ? Optional.empty() : Optional.of(of(size, sha, version, hardware));
    }

    /** True if {@code image} has this manifest's size and hash. */
    public boolean matches(byte[] image) {
        return image.length == sizeBytes && MessageDigest.isEqual(sha256Of(image), sha256);
    }

    static byte[] sha256Of(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FirmwareManifest m && m.sizeBytes == sizeBytes && Arrays.equals(m.sha256, sha256)
                && m.version.equals(version) && m.hardware == hardware;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return "FirmwareManifest[image=" + image() + ", size=" + sizeBytes + ", version=" + version
                + ", hardware=" + hardware + "]";
    }
}
