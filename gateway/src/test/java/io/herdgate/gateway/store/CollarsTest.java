package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.FirmwareVersion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollarsTest {

    private static final AesKey KEY = AesKey.ofHex("000102030405060708090a0b0c0d0e0f");

    @TempDir
    Path dir;

    @Test
    void collar_withEveryField_survivesReopen() {
        Path file = dir.resolve("h.db");
        CollarRecord r = CollarRecord.of(CollarEui.parse("F0B3D5499A000002"), KEY)
                .withFirmware(FirmwareVersion.of(1, 4, 2))
                .seen(Instant.parse("2026-05-01T10:00:00.250Z"), OptionalInt.of(-97), OptionalInt.of(2950))
                .withUse(CollarUse.RETIRED);
        try (Database db = Database.open(file)) {
            Collars.of(db).save(r);
        }

        try (Database db = Database.open(file)) {
            assertEquals(Optional.of(r), Collars.of(db).find(r.eui()));
        }
    }

    @Test
    void all_isInEuiOrder_andSaveReplaces() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Collars collars = Collars.of(db);
            CollarRecord high = CollarRecord.of(CollarEui.parse("F000000000000001"), KEY);
            CollarRecord low = CollarRecord.of(CollarEui.parse("0000000000000001"), KEY);
            collars.save(high);
            collars.save(low);
            collars.save(low.seen(Instant.EPOCH, OptionalInt.empty(), OptionalInt.of(3000)));

            List<CollarRecord> all = collars.all();

            assertEquals(List.of(low.eui(), high.eui()), all.stream().map(CollarRecord::eui).toList());
            assertEquals(OptionalInt.of(3000), all.get(0).batteryMv());
            assertEquals(OptionalInt.empty(), all.get(0).rssiDbm());
        }
    }

    @Test
    void toString_showsNoRootKey() {
        String text = CollarRecord.of(CollarEui.parse("0000000000000001"), KEY).toString();

        assertFalse(text.toLowerCase().contains(KEY.toHex().toLowerCase()), text);
    }
}
