package io.herdgate.gateway.testing;

import io.herdgate.gateway.runtime.Gateway;
import io.herdgate.gateway.store.CollarRecord;
import io.herdgate.gateway.store.Collars;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.PairingHistory;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.HerdConfig;
import io.herdgate.sim.herd.HerdMember;
import io.herdgate.sim.herd.SimulatedHerd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A simulated herd's collars registered in a gateway's data directory, each paired with its cow from the herd's start. */
public final class RegisteredHerd {

    private RegisteredHerd() {
    }

    /** Registers and pairs the collars of {@code herd} in the database of {@code dataDir} (created if need be); returns them. */
    public static List<CollarEui> register(Path dataDir, HerdConfig herd) throws IOException {
        Files.createDirectories(dataDir);
        List<CollarEui> out = new ArrayList<>();
        try (Database db = Database.openUnsynced(dataDir.resolve(Gateway.DATABASE_FILE))) {
            for (HerdMember m : SimulatedHerd.of(herd, f -> { }).members()) {
                Collars.of(db).save(CollarRecord.of(m.identity().eui(), m.identity().rootKey()));
                PairingHistory.of(db).pair(m.identity().eui(), CowId.of(String.valueOf(m.cow().number())), herd.start());
                out.add(m.identity().eui());
            }
        }
        return List.copyOf(out);
    }
}
