package io.herdgate.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AesBlockTest {

    private static final HexFormat HEX = HexFormat.of();
    /** FIPS-197 appendix C.1 (AES-128). */
    private static final AesKey KEY = AesKey.ofHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] PLAIN = HEX.parseHex("00112233445566778899aabbccddeeff");
    private static final byte[] CIPHER = HEX.parseHex("69c4e0d86a7b0430d8cdb78070b4c55a");

    @Test
    void encrypt_fips197Example_matchesPublishedValue() {
        assertArrayEquals(CIPHER, AesBlock.of(KEY).encryptBlock(PLAIN));
    }

    @Test
    void decrypt_fips197Example_givesThePlaintextBack() {
        AesBlock aes = AesBlock.of(KEY);
        byte[] out = new byte[16];
        aes.decrypt(CIPHER, 0, 16, out, 0);
        assertArrayEquals(PLAIN, out);
        aes.decrypt(CIPHER, 0, 16, out, 0);
        assertArrayEquals(PLAIN, out);
    }

    @Test
    void ctr_appliedTwice_givesThePayloadBackWhileACmacUsesTheSameThreadsBuffers() {
        AesCtr ctr = AesCtr.of(KEY);
        AesCmac cmac = AesCmac.of(KEY);
        byte[] payload = new byte[300];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        byte[] sealed = new byte[payload.length];
        ctr.apply(0, 0x0102030405060708L, 7, payload, 0, payload.length, sealed, 0);
        byte[] mac = cmac.mac(sealed, 0, sealed.length);
        byte[] opened = sealed.clone();
        ctr.apply(0, 0x0102030405060708L, 7, opened, 0, opened.length, opened, 0);
        assertArrayEquals(payload, opened);
        assertArrayEquals(mac, cmac.mac(sealed, 0, sealed.length));
    }
}
