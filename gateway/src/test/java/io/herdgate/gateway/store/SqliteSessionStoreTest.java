package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.ingest.SavedSession;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.frame.CollarEui;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSessionStoreTest {

    private static final CollarEui A = CollarEui.parse("70B3D5499A000001");
    private static final CollarEui B = CollarEui.parse("F0B3D5499A000002");
    private static final AesKey ROOT = AesKey.ofHex("2B7E151628AED2A6ABF7158809CF4F3C");
    private static final String MIC_HEX = "00112233445566778899aabbccddeeff";

    private static SavedSession session(CollarEui eui, int tag) {
        return SavedSession.of(eui, SessionKeys.of(AesKey.ofHex(MIC_HEX), AesKey.ofHex("0f0e0d0c0b0a09080706050403020100")),
                new byte[] {1, 2, 3, (byte) tag}, sha256(ROOT));
    }

    private static byte[] sha256(AesKey k) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(k.bytes());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void saved_sessions_areLoadedFromTheFileAfterReopening_replacedPerCollar_andRemoved(@TempDir Path dir) {
        Path file = dir.resolve("herdgate.db");
        try (Database db = Database.open(file)) {
            SqliteSessionStore s = SqliteSessionStore.of(db);
            s.save(session(A, 1));
            s.save(session(B, 1));
            s.save(session(A, 2));
        }
        try (Database db = Database.open(file)) {
            SqliteSessionStore s = SqliteSessionStore.of(db);
            List<SavedSession> all = s.loadAll();
            assertEquals(2, all.size());
            assertTrue(all.contains(session(A, 2)) && all.contains(session(B, 1)), all.toString());
            assertTrue(all.get(0).grantedUnder(ROOT));
            assertFalse(all.get(0).grantedUnder(AesKey.ofHex("000102030405060708090A0B0C0D0E0F")));
            s.remove(A);
            s.remove(A);
            assertEquals(List.of(session(B, 1)), s.loadAll());
        }
    }

    @Test
    void savedSession_toString_neverShowsItsKeys() {
        String text = session(A, 1).toString();
        assertFalse(text.toLowerCase().contains(MIC_HEX), text);
        assertTrue(text.contains("redacted"), text);
    }
}
