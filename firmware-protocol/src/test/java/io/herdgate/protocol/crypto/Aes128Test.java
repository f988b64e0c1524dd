package io.herdgate.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Aes128Test {

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // FIPS-197 appendix C.1
            "fips-197 C.1, 000102030405060708090a0b0c0d0e0f, 00112233445566778899aabbccddeeff, 69c4e0d86a7b0430d8cdb78070b4c55a",
            // FIPS-197 appendix B
            "fips-197 B, 2b7e151628aed2a6abf7158809cf4f3c, 3243f6a8885a308d313198a2e0370734, 3925841d02dc09fbdc118597196a0b32",
            // NIST SP 800-38A F.1.1 (ECB-AES128), block 1
            "sp800-38a F.1.1, 2b7e151628aed2a6abf7158809cf4f3c, 6bc1bee22e409f96e93d7e117393172a, 3ad77bb40d7a3660a89ecaf32466ef97",
    })
    void encrypt_publishedExamples_matchPublishedValues(String source, String key, String plain, String cipher) {
        assertArrayEquals(HEX.parseHex(cipher), encrypt(new Aes128(HEX.parseHex(key)), HEX.parseHex(plain)), source);
    }

    @Test
    void encrypt_randomKeysAndBlocks_equalsTheJdksAes() throws Exception {
        SplittableRandom random = new SplittableRandom(20261122);
        for (int k = 0; k < 200; k++) {
            byte[] key = bytes(random, 16);
            Aes128 ours = new Aes128(key);
            Cipher jdk = Cipher.getInstance("AES/ECB/NoPadding");
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            for (int b = 0; b < 20; b++) {
                byte[] block = bytes(random, 16);
                assertArrayEquals(jdk.doFinal(block), encrypt(ours, block), () -> "key " + HEX.formatHex(key)
                        + ", block " + HEX.formatHex(block));
            }
        }
    }

    @Test
    void construct_keyOfOtherThan16Bytes_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Aes128(new byte[24]));
        assertEquals("AES-128 needs a 16-byte key, got 24 bytes", e.getMessage());
    }

    private static byte[] encrypt(Aes128 aes, byte[] block) {
        ByteBuffer in = ByteBuffer.wrap(block);
        int[] s = {in.getInt(), in.getInt(), in.getInt(), in.getInt()};
        aes.encrypt(s);
        ByteBuffer out = ByteBuffer.allocate(16);
        for (int w : s) {
            out.putInt(w);
        }
        return out.array();
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
