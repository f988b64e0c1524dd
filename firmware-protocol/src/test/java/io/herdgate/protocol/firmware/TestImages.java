package io.herdgate.protocol.firmware;

import io.herdgate.protocol.message.FirmwareVersion;

import java.security.KeyPair;
import java.util.Random;

/** Keys and images shared by the firmware tests; deterministic bytes, fresh keys per JVM. */
final class TestImages {

    static final int HARDWARE = 3;
    static final FirmwareVersion FACTORY = FirmwareVersion.of(1, 0, 0);
    static final FirmwareVersion NEW = FirmwareVersion.of(1, 1, 0);
    static final KeyPair VENDOR = ImageSigner.generateKeyPair();
    static final KeyPair STRANGER = ImageSigner.generateKeyPair();
    static final VendorKey VENDOR_KEY = VendorKey.of(VENDOR.getPublic());
    static final ImageSigner SIGNER = ImageSigner.of(VENDOR.getPrivate());

    private TestImages() {
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A vendor-signed image of {@code size} bytes, version {@link #NEW}, for {@link #HARDWARE}. */
    static SignedImage signed(int size) {
        return SIGNER.sign(bytes(size, size), NEW, HARDWARE);
    }

    /** A collar with a factory-fresh 64 KiB-slot flash. */
    static SimulatedFlash flash() {
        return SimulatedFlash.of(64 * 1024, FACTORY);
    }
}
