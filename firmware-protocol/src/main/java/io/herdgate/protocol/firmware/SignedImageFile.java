package io.herdgate.protocol.firmware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The file a vendor ships a firmware release in ({@code .hgfw}): the 64 signed manifest bytes
 * ({@link FirmwareManifest#signedBytes()}, starting with the text {@code herdgate-fw-manifest-v1}), the
 * 64-byte Ed25519 signature, then the image bytes, exactly as many as the manifest says. Reading checks
 * the layout only; {@link #read(Path, VendorKey)} also checks the signature and the hash, so a gateway can
 * refuse a bad file before it starts an update.
 */
public final class SignedImageFile {

    private static final int HEADER = FirmwareManifest.SIGNED_BYTES + 64;

    private SignedImageFile() {
    }

    /** Writes {@code image} to {@code file}, replacing it. */
    public static void write(SignedImage image, Path file) throws IOException {
        byte[] manifest = image.manifest().signedBytes();
        byte[] bytes = image.bytes();
        byte[] out = Arrays.copyOf(manifest, HEADER + bytes.length);
        System.arraycopy(image.signature(), 0, out, manifest.length, 64);
        System.arraycopy(bytes, 0, out, HEADER, bytes.length);
        Files.write(file, out);
    }

    /**
     * Reads a release file.
     *
     * @throws ImageFileException naming the file and what is wrong with its layout
     * @throws IOException        if it cannot be read
     */
    public static SignedImage read(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        FirmwareManifest manifest = FirmwareManifest.parse(b, 0).orElseThrow(() -> new ImageFileException(file,
                "not a herdgate firmware file: it must start with the text herdgate-fw-manifest-v1 and a size of"
                        + " at least 1 byte"));
        long expected = HEADER + manifest.sizeBytes();
        if (b.length != expected) {
            throw new ImageFileException(file, "is " + b.length + " bytes; the manifest of a " + manifest.sizeBytes()
                    + "-byte image needs exactly " + expected);
        }
        return SignedImage.of(manifest, Arrays.copyOfRange(b, FirmwareManifest.SIGNED_BYTES, HEADER),
                Arrays.copyOfRange(b, HEADER, b.length));
    }

    /**
     * Reads a release file and checks it as a collar will: signature by {@code vendor} and image hash.
     *
     * @throws ImageFileException if the layout, the signature or the hash is wrong
     */
    public static SignedImage read(Path file, VendorKey vendor) throws IOException {
        SignedImage image = read(file);
        if (!vendor.verifies(image.manifest(), image.signature())) {
            throw new ImageFileException(file, "signature does not verify with vendor key " + vendor);
        }
        if (!image.manifest().matches(image.bytes())) {
            throw new ImageFileException(file, "image bytes do not match the SHA-256 in the signed manifest");
        }
        return image;
    }
}
