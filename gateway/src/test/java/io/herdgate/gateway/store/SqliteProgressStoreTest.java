package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.protocol.firmware.UpdatePhase;
import io.herdgate.protocol.firmware.UpdateProgress;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.ImageId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteProgressStoreTest {

    private static final CollarEui EUI = CollarEui.parse("70B3D5499A000001");
    private static final ImageId IMAGE = ImageId.of(0x1122334455667788L);

    @TempDir
    Path dir;

    @Test
    void progress_survivesReopen_isReplacedBySave_andGoneAfterRemove() {
        Path file = dir.resolve("h.db");
        UpdateProgress later = UpdateProgress.of(EUI, IMAGE, UpdatePhase.TRANSFER, 4096, 65536);
        try (Database db = Database.open(file)) {
            SqliteProgressStore store = SqliteProgressStore.of(db);
            store.save(UpdateProgress.of(EUI, IMAGE, UpdatePhase.BEGIN, 0, 65536));
            store.save(later);
        }

        try (Database db = Database.open(file)) {
            SqliteProgressStore store = SqliteProgressStore.of(db);
            assertEquals(Optional.of(later), store.load(EUI, IMAGE));
            assertEquals(List.of(later), store.all());

            store.remove(EUI, IMAGE);

            assertEquals(Optional.empty(), store.load(EUI, IMAGE));
            assertEquals(List.of(), store.all());
        }
    }
}
