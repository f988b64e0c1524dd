package io.herdgate.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AesCmacTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final AesKey RFC4493_KEY = AesKey.ofHex("2b7e151628aed2a6abf7158809cf4f3c");

    @ParameterizedTest(name = "RFC 4493 example of {0} bytes")
    @CsvSource({
            "0,  '', bb1d6929e95937287fa37d129b756746",
            "16, 6bc1bee22e409f96e93d7e117393172a, 070a16b46b4d4144f79bdd9dd04a287c",
            "40, 6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411, dfa66747de9ae63030ca32611497c827",
            "64, 6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710, 51f0bebf7e3b9d92fc49741779363cfe",
    })
    void mac_rfc4493Examples_matchPublishedValues(int length, String message, String expected) {
        byte[] msg = HEX.parseHex(message);
        assertEquals(length, msg.length);
        assertArrayEquals(HEX.parseHex(expected), AesCmac.of(RFC4493_KEY).mac(msg, 0, msg.length));
    }

    @ParameterizedTest(name = "mic over prefix + {0} bytes equals the first four bytes of the full MAC")
    @CsvSource({"0", "1", "15", "16", "17", "48", "250"})
    void mic_prefixPlusMessage_equalsMacOfConcatenation(int length) {
        byte[] prefix = new byte[16];
        for (int i = 0; i < 16; i++) {
            prefix[i] = (byte) (0xA0 + i);
        }
        byte[] msg = new byte[length + 3];
        for (int i = 0; i < msg.length; i++) {
            msg[i] = (byte) (i * 7 + 1);
        }
        byte[] joined = new byte[16 + length];
        System.arraycopy(prefix, 0, joined, 0, 16);
        System.arraycopy(msg, 3, joined, 16, length);
        AesCmac cmac = AesCmac.of(RFC4493_KEY);
        byte[] full = cmac.mac(joined, 0, joined.length);
        int expected = (full[0] & 0xFF) | (full[1] & 0xFF) << 8 | (full[2] & 0xFF) << 16 | (full[3] & 0xFF) << 24;
        assertEquals(expected, cmac.mic(prefix, msg, 3, length));
    }

    @Test
    void mac_afterALongMessageGrewTheBuffers_stillMatchesThePublishedValue() {
        AesCmac cmac = AesCmac.of(RFC4493_KEY);
        byte[] big = new byte[4000];
        byte[] first = cmac.mac(big, 0, big.length);
        assertArrayEquals(HEX.parseHex("bb1d6929e95937287fa37d129b756746"), cmac.mac(new byte[0], 0, 0));
        assertArrayEquals(first, AesCmac.of(RFC4493_KEY).mac(big, 0, big.length));
    }

    @Test
    void mac_onTwoThreadsAtOnce_eachGetsItsOwnMessagesMac() throws Exception {
        byte[] a = HEX.parseHex("6bc1bee22e409f96e93d7e117393172a");
        byte[] expected = HEX.parseHex("070a16b46b4d4144f79bdd9dd04a287c");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int length = 100 + 300 * t;
                runs.add(pool.submit(() -> {
                    AesCmac cmac = AesCmac.of(RFC4493_KEY);
                    byte[] other = new byte[length];
                    byte[] otherMac = cmac.mac(other, 0, length);
                    for (int i = 0; i < 20_000; i++) {
                        if (!Arrays.equals(expected, cmac.mac(a, 0, a.length))
                                || !Arrays.equals(otherMac, cmac.mac(other, 0, length))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertTrue(run.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mac_randomKeysAndLengths_equalsRfc4493OverTheJdksAes() throws Exception {
        SplittableRandom random = new SplittableRandom(4493);
        for (int n = 0; n < 300; n++) {
            byte[] key = new byte[16];
            random.nextBytes(key);
            byte[] msg = new byte[random.nextInt(0, 200)];
            random.nextBytes(msg);
            int off = random.nextInt(0, msg.length + 1);
            int len = random.nextInt(0, msg.length - off + 1);
            byte[] expected = referenceCmac(key, Arrays.copyOfRange(msg, off, off + len));
            assertArrayEquals(expected, AesCmac.of(AesKey.of(key)).mac(msg, off, len),
                    () -> "key " + HEX.formatHex(key) + ", " + len + " bytes at " + off);
        }
    }

    /** RFC 4493 section 2.4, step by step, each block through the JDK's AES. */
    private static byte[] referenceCmac(byte[] key, byte[] m) throws Exception {
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        byte[] k1 = dbl(aes.doFinal(new byte[16]));
        byte[] k2 = dbl(k1);
        int blocks = Math.max(1, (m.length + 15) / 16);
        boolean complete = m.length > 0 && m.length % 16 == 0;
        byte[] x = new byte[16];
        for (int b = 0; b < blocks; b++) {
            byte[] block = new byte[16];
            int n = Math.min(16, m.length - 16 * b);
            System.arraycopy(m, 16 * b, block, 0, Math.max(0, n));
            if (b == blocks - 1) {
                if (!complete) {
                    block[Math.max(0, n)] = (byte) 0x80;
                }
                byte[] k = complete ? k1 : k2;
                for (int i = 0; i < 16; i++) {
                    block[i] ^= k[i];
                }
            }
            for (int i = 0; i < 16; i++) {
                x[i] ^= block[i];
            }
            x = aes.doFinal(x);
        }
        return x;
    }

    private static byte[] dbl(byte[] in) {
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = (byte) ((in[i] << 1) | (i < 15 ? (in[i + 1] & 0xFF) >>> 7 : 0));
        }
        if ((in[0] & 0x80) != 0) {
            out[15] ^= (byte) 0x87;
        }
        return out;
    }
}
