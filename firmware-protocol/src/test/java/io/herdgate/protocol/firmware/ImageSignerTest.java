package io.herdgate.protocol.firmware;

import org.junit.jupiter.api.Test;

import static io.herdgate.protocol.firmware.TestImages.*;
import static org.junit.jupiter.api.Assertions.*;

class ImageSignerTest {

    @Test
    void sign_manifest_verifiesWithTheVendorKey() {
        SignedImage image = signed(1000);
        assertTrue(VENDOR_KEY.verifies(image.manifest(), image.signature()));
        assertEquals(64, image.signature().length);
    }

    @Test
    void verify_otherKey_fails() {
        SignedImage image = signed(1000);
        assertFalse(VendorKey.of(STRANGER.getPublic()).verifies(image.manifest(), image.signature()));
    }

    @Test
    void verify_anyManifestFieldChanged_fails() {
        SignedImage image = signed(1000);
        FirmwareManifest m = image.manifest();
        byte[] sig = image.signature();
        byte[] otherHash = m.sha256();
        otherHash[31] ^= 1;
        assertFalse(VENDOR_KEY.verifies(FirmwareManifest.of(m.sizeBytes() + 1, m.sha256(), m.version(), m.hardware()), sig));
        assertFalse(VENDOR_KEY.verifies(FirmwareManifest.of(m.sizeBytes(), otherHash, m.version(), m.hardware()), sig));
        assertFalse(VENDOR_KEY.verifies(FirmwareManifest.of(m.sizeBytes(), m.sha256(), FACTORY, m.hardware()), sig));
        assertFalse(VENDOR_KEY.verifies(FirmwareManifest.of(m.sizeBytes(), m.sha256(), m.version(), m.hardware() + 1), sig));
    }

    @Test
    void verify_garbageSignature_failsWithoutThrowing() {
        assertFalse(VENDOR_KEY.verifies(signed(10).manifest(), new byte[64]));
        assertFalse(VENDOR_KEY.verifies(signed(10).manifest(), new byte[3]));
    }

    @Test
    void vendorKey_rawBytes_roundTrip() {
        VendorKey again = VendorKey.ofRaw(VENDOR_KEY.raw());
        assertEquals(VENDOR_KEY, again);
        SignedImage image = signed(50);
        assertTrue(again.verifies(image.manifest(), image.signature()));
    }

    @Test
    void signer_fromPkcs8_signsLikeTheOriginal() {
        ImageSigner fromDer = ImageSigner.ofPkcs8(VENDOR.getPrivate().getEncoded());
        FirmwareManifest m = signed(20).manifest();
        assertTrue(VENDOR_KEY.verifies(m, fromDer.sign(m)));
        assertEquals("ImageSigner[redacted]", fromDer.toString());
    }

    @Test
    void manifest_signedBytes_haveTheDocumentedLayout() {
        FirmwareManifest m = signed(0x010203).manifest();
        byte[] b = m.signedBytes();
        assertEquals(23 + 4 + 32 + 3 + 2, b.length);
        assertEquals("herdgate-fw-manifest-v1", new String(b, 0, 23, java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[] {3, 2, 1, 0}, java.util.Arrays.copyOfRange(b, 23, 27));
        assertArrayEquals(m.sha256(), java.util.Arrays.copyOfRange(b, 27, 59));
        assertArrayEquals(new byte[] {1, 1, 0, 3, 0}, java.util.Arrays.copyOfRange(b, 59, 64));
    }

    @Test
    void vendorKey_wrongLength_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VendorKey.ofRaw(new byte[31]));
        assertTrue(e.getMessage().contains("32 bytes"));
    }
}
