package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.feature.Axes;
import io.herdgate.rules.series.CowId;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlitePostureStoreTest {

    private static final PostureReference A = PostureReference.of(Axes.of(0.1, 2.9, -9.5), 10, Axes.of(0, 7.5, -6.6), 10);
    private static final PostureReference B = PostureReference.of(Axes.of(-2.9, 0.1, -9.5), 360, Axes.of(-0.7, 0, -0.7), 1);

    @Test
    void saveAll_thenReopen_loadsTheSameReferences_andOtherCowsStay(@TempDir Path dir) {
        Path file = dir.resolve("h.db");
        try (Database db = Database.open(file)) {
            SqlitePostureStore store = SqlitePostureStore.of(db);
            assertEquals(Map.of(), store.loadAll());
            store.saveAll(Map.of(CowId.of("17"), A, CowId.of("1219"), A));
            store.saveAll(Map.of(CowId.of("1219"), B));
        }
        try (Database db = Database.open(file)) {
            assertEquals(Map.of(CowId.of("17"), A, CowId.of("1219"), B), SqlitePostureStore.of(db).loadAll());
        }
    }
}
