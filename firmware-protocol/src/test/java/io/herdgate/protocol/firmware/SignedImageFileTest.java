package io.herdgate.protocol.firmware;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static io.herdgate.protocol.firmware.TestImages.*;
import static org.junit.jupiter.api.Assertions.*;

class SignedImageFileTest {

    @TempDir
    Path dir;

    @Test
    void write_thenRead_givesTheSameImage() throws Exception {
        SignedImage image = signed(3000);
        Path file = dir.resolve("collar-1.1.0.hgfw");
        SignedImageFile.write(image, file);
        assertEquals(64 + 64 + 3000, Files.size(file));
        assertEquals(image, SignedImageFile.read(file));
        assertEquals(image, SignedImageFile.read(file, VENDOR_KEY));
    }

    @Test
    void read_truncatedFile_namesTheFileAndTheExpectedSize() throws Exception {
        Path file = dir.resolve("short.hgfw");
        SignedImageFile.write(signed(3000), file);
        byte[] b = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(b, b.length - 1));
        ImageFileException e = assertThrows(ImageFileException.class, () -> SignedImageFile.read(file));
        assertTrue(e.getMessage().contains("short.hgfw") && e.getMessage().contains("needs exactly 3128"), e.getMessage());
    }

    @Test
    void read_otherFile_isRefused() throws Exception {
        Path file = dir.resolve("firmware.bin");
        Files.write(file, new byte[500]);
        ImageFileException e = assertThrows(ImageFileException.class, () -> SignedImageFile.read(file));
        assertTrue(e.getMessage().contains("not a herdgate firmware file"), e.getMessage());
    }

    @Test
    void read_withVendorKey_refusesAStrangersSignatureAndTamperedBytes() throws Exception {
        SignedImage image = signed(3000);
        Path stranger = dir.resolve("stranger.hgfw");
        SignedImageFile.write(ImageSigner.of(STRANGER.getPrivate()).sign(image.bytes(), NEW, HARDWARE), stranger);
        assertTrue(assertThrows(ImageFileException.class, () -> SignedImageFile.read(stranger, VENDOR_KEY))
                .getMessage().contains("signature does not verify"));

        byte[] tampered = image.bytes();
        tampered[7] ^= 1;
        Path evil = dir.resolve("evil.hgfw");
        SignedImageFile.write(SignedImage.of(image.manifest(), image.signature(), tampered), evil);
        assertTrue(assertThrows(ImageFileException.class, () -> SignedImageFile.read(evil, VENDOR_KEY))
                .getMessage().contains("do not match the SHA-256"));
    }

    @Test
    void manifest_parse_ofSignedBytes_isTheManifest() {
        FirmwareManifest m = signed(10).manifest();
        assertEquals(java.util.Optional.of(m), FirmwareManifest.parse(m.signedBytes(), 0));
    }
}
