package io.herdgate.gateway.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.ingest.CollarSighting;
import io.herdgate.gateway.ingest.Pairing;
import io.herdgate.gateway.store.CollarUse;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.PairingHistory;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollarRegistryTest {

    static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    static final CollarEui A = CollarEui.parse("70B3D5499A000001");
    static final CollarEui B = CollarEui.parse("70B3D5499A000002");
    static final AesKey KEY_A = AesKey.ofHex("2b7e151628aed2a6abf7158809cf4f3c");
    static final AesKey KEY_B = AesKey.ofHex("000102030405060708090a0b0c0d0e0f");
    static final CowId COW = CowId.of("17");

    @TempDir
    Path dir;
    Database db;
    final ManualClock clock = ManualClock.of(T0);
    CollarRegistry registry;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("herdgate.db"));
        registry = CollarRegistry.open(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void pair_newCollarWithKey_isServedAtOnce_andSurvivesARestart() {
        assertTrue(registry.rootKey(A).isEmpty());

        PairResult r = registry.pair(A, Optional.of(KEY_A), COW);

        assertEquals(new PairResult.Paired(A, COW, Optional.empty(), Optional.empty()), r);
        assertEquals(Optional.of(Pairing.of(A, KEY_A, COW)), registry.pairing(A));
        assertEquals(Optional.of(KEY_A), registry.rootKey(A));
        assertEquals(Optional.of(Pairing.of(A, KEY_A, COW)), CollarRegistry.open(db, clock).pairing(A));
    }

    @Test
    void pair_unknownCollarWithoutKey_isRefused() {
        assertEquals(new PairResult.UnknownCollar(A), registry.pair(A, Optional.empty(), COW));
        assertTrue(registry.pairing(A).isEmpty());
    }

    @Test
    void pair_withAnotherKeyThanRegistered_isRefused_andKeepsTheRegisteredKey() {
        registry.pair(A, Optional.of(KEY_A), COW);

        assertEquals(new PairResult.KeyMismatch(A), registry.pair(A, Optional.of(KEY_B), CowId.of("18")));
        assertEquals(Optional.of(KEY_A), registry.rootKey(A));
    }

    @Test
    void pair_sameCollarSameCowAgain_changesNothing() {
        registry.pair(A, Optional.of(KEY_A), COW);
        clock.advance(Duration.ofHours(1));

        assertEquals(new PairResult.AlreadyPaired(A, COW), registry.pair(A, Optional.empty(), COW));
        assertEquals(1, PairingHistory.of(db).history(COW).size());
    }

    @Test
    void pair_newCollarOnACowWithOne_replacesIt_andTheCowKeepsHerHistory() {
        registry.pair(A, Optional.of(KEY_A), COW);
        clock.advance(Duration.ofDays(30));

        PairResult r = registry.pair(B, Optional.of(KEY_B), COW);

        assertEquals(new PairResult.Paired(B, COW, Optional.of(A), Optional.empty()), r);
        assertTrue(registry.pairing(A).isEmpty(), "the old collar can no longer join");
        assertEquals(List.of(A, B), PairingHistory.of(db).history(COW).stream().map(p -> p.collar()).toList());
        assertEquals(CollarUse.SPARE, registry.collars().stream().filter(v -> v.eui().equals(A)).findFirst()
                .orElseThrow().use());
    }

    @Test
    void unpair_pairedCollar_isNoLongerServed_andBecomesSpare() {
        registry.pair(A, Optional.of(KEY_A), COW);

        assertEquals(new UnpairResult.Unpaired(A, COW), registry.unpair(A));
        assertTrue(registry.rootKey(A).isEmpty());
        assertEquals(new UnpairResult.NotPaired(A), registry.unpair(A));
        assertEquals(new UnpairResult.UnknownCollar(B), registry.unpair(B));
        assertEquals(List.of(CollarView.of(A, Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), CollarUse.SPARE)), registry.collars());
    }

    @Test
    void pairingMode_admitsLabelledCollars_toTheLabelsCow_orTheNextCowInOrder() {
        CollarEui c = CollarEui.parse("70B3D5499A000003");
        PairingOpened opened = registry.openPairing(List.of(
                        CollarLabel.of(A, KEY_A),
                        CollarLabel.of(B, KEY_B, Optional.of(CowId.of("99"))),
                        CollarLabel.of(c, KEY_A)),
                List.of(CowId.of("101")), Duration.ofMinutes(30));
        assertEquals(List.of(), opened.refused());
        assertEquals(Optional.of(KEY_B), registry.rootKey(B), "a labelled collar may prove its key");
        assertTrue(registry.pairing(B).isEmpty(), "but is on no cow before it joins");

        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.of(Pairing.of(B, KEY_B, CowId.of("99"))), registry.admit(B, clock.instant()));
        assertEquals(Optional.of(Pairing.of(A, KEY_A, CowId.of("101"))), registry.admit(A, clock.instant()));
        assertEquals(Optional.empty(), registry.admit(c, clock.instant()), "no cow left for the third");

        PairingStatus s = registry.pairingStatus();
        assertEquals(List.of(B, A), s.admitted().stream().map(PairingStatus.Admission::eui).toList());
        assertEquals(List.of(c), s.notJoined());
        assertEquals(List.of(c), s.noCow());
        assertEquals(List.of(), s.cowsLeft());
        assertEquals(Optional.of(Pairing.of(A, KEY_A, CowId.of("101"))), CollarRegistry.open(db, clock).pairing(A));
    }

    @Test
    void pairingMode_afterItsWindow_admitsNoMore() {
        registry.openPairing(List.of(CollarLabel.of(A, KEY_A, Optional.of(COW))), List.of(), Duration.ofMinutes(10));

        clock.advance(Duration.ofMinutes(10));

        assertTrue(registry.rootKey(A).isEmpty());
        assertTrue(registry.admit(A, clock.instant()).isEmpty());
        assertFalse(registry.pairingStatus().open());
    }

    @Test
    void pairingMode_refusesLabelsOfPairedCollarsAndOtherKeys_andAnImpossibleWindow() {
        registry.pair(A, Optional.of(KEY_A), COW);
        registry.pair(B, Optional.of(KEY_B), CowId.of("18"));
        registry.unpair(B);

        PairingOpened opened = registry.openPairing(List.of(CollarLabel.of(A, KEY_A), CollarLabel.of(B, KEY_A)),
                List.of(), Duration.ofMinutes(10));

        assertEquals(List.of(A, B), opened.refused().stream().map(LabelRefusal::eui).toList());
        assertTrue(opened.status().notJoined().isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> registry.openPairing(List.of(), List.of(), Duration.ofSeconds(30)));
    }

    @Test
    void seen_savesHealthAtMostOnceInFiveMinutes() {
        registry.pair(A, Optional.of(KEY_A), COW);
        registry.seen(CollarSighting.of(A, T0, OptionalInt.of(-71), OptionalInt.of(3650),
                Optional.of(FirmwareVersion.of(1, 2, 0))));
        registry.seen(CollarSighting.of(A, T0.plusSeconds(30), OptionalInt.of(-90), OptionalInt.empty(), Optional.empty()));

        CollarView v = registry.collars().get(0);
        assertEquals(OptionalInt.of(-71), v.rssiDbm());
        assertEquals(OptionalInt.of(3650), v.batteryMv());
        assertEquals(Optional.of(T0), v.lastSeen());
        assertEquals(Optional.of(FirmwareVersion.of(1, 2, 0)), v.firmware());

        registry.seen(CollarSighting.of(A, T0.plusSeconds(300), OptionalInt.of(-80), OptionalInt.empty(), Optional.empty()));
        v = registry.collars().get(0);
        assertEquals(OptionalInt.of(-80), v.rssiDbm());
        assertEquals(OptionalInt.of(3650), v.batteryMv(), "kept from the last report");
        assertEquals(Optional.of(COW), v.cow());
    }

    @Test
    void seen_betweenSaves_keepsValuesTheLaterSightingsLack_andTheirNewestTime() {
        registry.pair(A, Optional.of(KEY_A), COW);
        registry.seen(CollarSighting.of(A, T0, OptionalInt.of(-71), OptionalInt.of(3650),
                Optional.of(FirmwareVersion.of(1, 2, 0))));
        // Unsaved until the five minutes are up: a status report, then sample batches without a battery.
        registry.seen(CollarSighting.of(A, T0.plusSeconds(60), OptionalInt.of(-75), OptionalInt.of(3590), Optional.empty()));
        registry.seen(CollarSighting.of(A, T0.plusSeconds(90), OptionalInt.empty(), OptionalInt.empty(), Optional.empty()));
        registry.seen(CollarSighting.of(A, T0.plusSeconds(120), OptionalInt.of(-77), OptionalInt.empty(), Optional.empty()));
        registry.flushHealth();

        CollarView v = registry.collars().get(0);
        assertEquals(OptionalInt.of(-77), v.rssiDbm());
        assertEquals(OptionalInt.of(3590), v.batteryMv(), "the status report's, not the one saved at T0");
        assertEquals(Optional.of(T0.plusSeconds(120)), v.lastSeen());
        assertEquals(Optional.of(FirmwareVersion.of(1, 2, 0)), v.firmware());
    }

    @Test
    void collarTable_listsPairedCollarsByCowNumber_thenSpares() {
        CollarEui c = CollarEui.parse("70B3D5499A000003");
        registry.pair(A, Optional.of(KEY_A), CowId.of("10"));
        registry.pair(B, Optional.of(KEY_B), CowId.of("9"));
        registry.openPairing(List.of(CollarLabel.of(c, KEY_A)), List.of(), Duration.ofMinutes(5));

        assertEquals(List.of(B, A, c), registry.collars().stream().map(CollarView::eui).toList());
        assertEquals(CollarUse.SPARE, registry.collars().get(2).use());
    }
}
