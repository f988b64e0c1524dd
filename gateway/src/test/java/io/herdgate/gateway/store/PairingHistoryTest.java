package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.ingest.CollarDirectory;
import io.herdgate.gateway.ingest.Pairing;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairingHistoryTest {

    private static final CollarEui OLD = CollarEui.parse("70B3D5499A000001");
    private static final CollarEui NEW = CollarEui.parse("F0B3D5499A000002");
    private static final AesKey OLD_KEY = AesKey.ofHex("000102030405060708090a0b0c0d0e0f");
    private static final AesKey NEW_KEY = AesKey.ofHex("2b7e151628aed2a6abf7158809cf4f3c");
    private static final CowId DAISY = CowId.of("7019");
    private static final CowId BELLA = CowId.of("7020");
    private static final Instant T1 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant T2 = Instant.parse("2026-04-15T17:30:00Z");

    @TempDir
    Path dir;

    private Database open() {
        Database db = Database.open(dir.resolve("h.db"));
        Collars.of(db).save(CollarRecord.of(OLD, OLD_KEY));
        Collars.of(db).save(CollarRecord.of(NEW, NEW_KEY));
        return db;
    }

    @Test
    void replacingACollar_keepsTheCowsHistory_andTheOldCollarBecomesSpare() {
        try (Database db = open()) {
            PairingHistory pairings = PairingHistory.of(db);
            pairings.pair(OLD, DAISY, T1);

            pairings.pair(NEW, DAISY, T2);

            assertEquals(List.of(PairingPeriod.of(OLD, DAISY, T1, Optional.of(T2)),
                    PairingPeriod.of(NEW, DAISY, T2, Optional.empty())), pairings.history(DAISY));
            assertEquals(List.of(Pairing.of(NEW, NEW_KEY, DAISY)), pairings.current());
            assertEquals(CollarUse.SPARE, Collars.of(db).find(OLD).orElseThrow().use());
            assertEquals(CollarUse.ACTIVE, Collars.of(db).find(NEW).orElseThrow().use());
        }
    }

    @Test
    void movingACollarToAnotherCow_endsItOnTheFirst() {
        try (Database db = open()) {
            PairingHistory pairings = PairingHistory.of(db);
            pairings.pair(OLD, DAISY, T1);

            pairings.pair(OLD, BELLA, T2);

            assertEquals(List.of(PairingPeriod.of(OLD, DAISY, T1, Optional.of(T2))), pairings.history(DAISY));
            assertEquals(List.of(PairingPeriod.of(OLD, BELLA, T2, Optional.empty())), pairings.history(BELLA));
            assertEquals(List.of(Pairing.of(OLD, OLD_KEY, BELLA)), pairings.current());
        }
    }

    @Test
    void current_survivesReopen_andBuildsTheIngestDirectory() {
        try (Database db = open()) {
            PairingHistory.of(db).pair(OLD, DAISY, T1);
            PairingHistory.of(db).pair(NEW, BELLA, T1);
        }

        try (Database db = Database.open(dir.resolve("h.db"))) {
            CollarDirectory directory = CollarDirectory.of(PairingHistory.of(db).current());
            assertEquals(2, directory.size());
            assertEquals(Optional.of(NEW_KEY), directory.rootKey(NEW));
            assertEquals(Optional.of(DAISY), directory.pairing(OLD).map(Pairing::cow));
        }
    }

    @Test
    void unpair_endsThePairing_once() {
        try (Database db = open()) {
            PairingHistory pairings = PairingHistory.of(db);
            pairings.pair(OLD, DAISY, T1);

            assertTrue(pairings.unpair(OLD, T2));
            assertFalse(pairings.unpair(OLD, T2));

            assertEquals(List.of(), pairings.current());
            assertEquals(List.of(PairingPeriod.of(OLD, DAISY, T1, Optional.of(T2))), pairings.history(DAISY));
        }
    }

    @Test
    void pair_unregisteredCollar_isRefused_andChangesNothing() {
        try (Database db = open()) {
            PairingHistory pairings = PairingHistory.of(db);
            CollarEui stranger = CollarEui.parse("0000000000000099");

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> pairings.pair(stranger, DAISY, T1));

            assertTrue(e.getMessage().contains(stranger.toString()), e.getMessage());
            assertEquals(List.of(), pairings.history(DAISY));
            assertEquals(List.of(), Herd.of(db).all(), "the cow row was rolled back too");
        }
    }
}
