package io.herdgate.protocol.firmware;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.ImageId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class FileProgressStoreTest {

    private static final CollarEui EUI = CollarEui.parse("70B3D57ED0000042");
    private static final ImageId IMAGE = ImageId.of(0xA1B2C3D4E5F60718L);

    @TempDir
    Path dir;

    @Test
    void save_thenLoadFromANewStore_givesTheSameProgress() {
        UpdateProgress p = UpdateProgress.of(EUI, IMAGE, UpdatePhase.TRANSFER, 4096, 65536);
        FileProgressStore.in(dir).save(p);
        assertEquals(Optional.of(p), FileProgressStore.in(dir).load(EUI, IMAGE));
        assertEquals(List.of(p), FileProgressStore.in(dir).all());
    }

    @Test
    void save_again_replacesTheProgress() {
        FileProgressStore store = FileProgressStore.in(dir);
        store.save(UpdateProgress.of(EUI, IMAGE, UpdatePhase.TRANSFER, 4096, 65536));
        UpdateProgress later = UpdateProgress.of(EUI, IMAGE, UpdatePhase.CONFIRM, 65536, 65536);
        store.save(later);
        assertEquals(List.of(later), store.all());
    }

    @Test
    void remove_forgetsTheUpdate() {
        FileProgressStore store = FileProgressStore.in(dir);
        store.save(UpdateProgress.of(EUI, IMAGE, UpdatePhase.BEGIN, 0, 10));
        store.remove(EUI, IMAGE);
        assertEquals(Optional.empty(), store.load(EUI, IMAGE));
        assertTrue(store.all().isEmpty());
    }

    @Test
    void load_damagedFile_namesTheFileAndTheExpectedForm() throws Exception {
        FileProgressStore store = FileProgressStore.in(dir);
        store.save(UpdateProgress.of(EUI, IMAGE, UpdatePhase.BEGIN, 0, 10));
        Path file = dir.resolve(EUI + "-" + IMAGE + ".progress");
        Files.writeString(file, "70B3D57ED0000042 a1b2c3d4e5f60718 SENDING 1 10\n");
        ProgressStoreException e = assertThrows(ProgressStoreException.class, () -> store.load(EUI, IMAGE));
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("TRANSFER"), e.getMessage());
        assertTrue(store.all().isEmpty(), "a damaged file is skipped by all()");
    }
}
