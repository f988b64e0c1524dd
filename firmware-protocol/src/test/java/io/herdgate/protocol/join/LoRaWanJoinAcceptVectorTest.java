package io.herdgate.protocol.join;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.protocol.crypto.AesBlock;
import io.herdgate.protocol.crypto.AesCmac;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.crypto.SessionKeys;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The published LoRaWAN 1.0 join accept (see the shared check values) read with this project's
 * primitives, the way a collar reads our join accept: AES-encrypt to unseal, CMAC for the MIC, and the
 * same derivation block layout for the session keys.
 */
class LoRaWanJoinAcceptVectorTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final AesKey APP_KEY = AesKey.ofHex("B6B53F4A168A7A88BDF7EA135CE9CFCA");
    private static final byte[] ON_AIR = HEX.parseHex("204DD85AE608B87FC4889970B7D2042C9E72959B0057AED6094B16003DF12DE145");

    private static byte[] unsealed() {
        byte[] plain = new byte[32];
        AesBlock.of(APP_KEY).encrypt(ON_AIR, 1, 32, plain, 0);
        return plain;
    }

    @Test
    void joinAccept_unsealedWithAesEncrypt_hasThePublishedFields() {
        byte[] p = unsealed();
        assertEquals(0x20, ON_AIR[0]);
        assertEquals("e5063a", HEX.formatHex(reversed(p, 0, 3)), "AppNonce");
        assertEquals("000013", HEX.formatHex(reversed(p, 3, 3)), "NetID");
        assertEquals("26012e43", HEX.formatHex(reversed(p, 6, 4)), "DevAddr");
        assertEquals(0x03, p[10], "DLSettings");
        assertEquals(0x01, p[11], "RxDelay");
        assertEquals("55121de0", HEX.formatHex(Arrays.copyOfRange(p, 28, 32)), "MIC");
    }

    @Test
    void joinAccept_mic_isTheCmacOfHeaderAndPlaintextFields() {
        byte[] p = unsealed();
        byte[] macInput = new byte[1 + 28];
        macInput[0] = ON_AIR[0];
        System.arraycopy(p, 0, macInput, 1, 28);
        byte[] mac = AesCmac.of(APP_KEY).mac(macInput, 0, macInput.length);
        assertArrayEquals(Arrays.copyOfRange(p, 28, 32), Arrays.copyOf(mac, 4));
    }

    @Test
    void joinAccept_sealedWithAesDecrypt_givesTheBytesOnAir() {
        byte[] sealed = new byte[32];
        AesBlock.of(APP_KEY).decrypt(unsealed(), 0, 32, sealed, 0);
        assertArrayEquals(Arrays.copyOfRange(ON_AIR, 1, 33), sealed);
    }

    @Test
    void sessionKeys_forThisAccept_followTheLoRaWanDerivationBlock() throws Exception {
        byte[] p = unsealed();
        int appNonce = (p[0] & 0xFF) | (p[1] & 0xFF) << 8 | (p[2] & 0xFF) << 16;
        int netId = (p[3] & 0xFF) | (p[4] & 0xFF) << 8 | (p[5] & 0xFF) << 16;
        int devNonce = 0x2DB1; // the vector publishes no DevNonce; any fixed value exercises the layout
        SessionKeys keys = SessionKeys.derive(APP_KEY, appNonce, netId, devNonce);
        // NwkSKey = AES(AppKey, 0x01 | AppNonce | NetID | DevNonce | pad16), fields as on air.
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(APP_KEY.bytes(), "AES"));
        byte[] block = HEX.parseHex("01" + "3a06e5" + "130000" + "b12d" + "00000000000000");
        assertEquals(AesKey.of(aes.doFinal(block)), keys.micKey());
        block[0] = 0x02;
        assertEquals(AesKey.of(aes.doFinal(block)), keys.payloadKey());
    }

    private static byte[] reversed(byte[] b, int off, int len) {
        byte[] r = new byte[len];
        for (int i = 0; i < len; i++) {
            r[i] = b[off + len - 1 - i];
        }
        return r;
    }
}
