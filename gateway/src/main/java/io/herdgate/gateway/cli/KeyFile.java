package io.herdgate.gateway.cli;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --keys} file of {@code herdgate decode}: CSV lines {@code eui,key[,payload_key[,root_key]]}.
 * {@code key} authenticates the collar's session frames (the session MIC key), {@code payload_key}
 * decrypts their encrypted payloads, {@code root_key} checks join requests and opens join accepts; any of
 * the three may be empty. Blank lines, {@code #} comments and a header line starting {@code eui,} are
 * skipped. Keys are never printed, not even in errors.
 */
final class KeyFile {

    /** One collar's keys. */
    record Entry(Optional<AesKey> micKey, Optional<AesKey> payloadKey, Optional<AesKey> rootKey) {
    }

    /** A line of the file that is not a valid entry. */
    static final class KeyFileException extends Exception {
        KeyFileException(String message) {
            super(message);
        }
    }

    private final Map<CollarEui, Entry> entries;

    private KeyFile(Map<CollarEui, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** No keys: every MIC is reported unchecked. */
    static KeyFile none() {
        return new KeyFile(Map.of());
    }

    static KeyFile read(Path file) throws KeyFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeyFileException(file + ": cannot read (" + e.getMessage() + ")");
        }
        Map<CollarEui, Entry> entries = new HashMap<>();
        Map<CollarEui, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#") || line.toLowerCase(Locale.ROOT).startsWith("eui,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < 2 || f.length > 4) {
                throw new KeyFileException(where + ": expected eui,key[,payload_key[,root_key]], got " + f.length
                        + " field" + (f.length == 1 ? "" : "s"));
            }
            CollarEui eui;
            try {
                eui = CollarEui.parse(f[0]);
            } catch (IllegalArgumentException e) {
                throw new KeyFileException(where + ": field eui: 16 hex digits expected");
            }
            Entry entry = new Entry(key(f, 1, "key", where), key(f, 2, "payload_key", where), key(f, 3, "root_key", where));
            if (entry.micKey().isEmpty() && entry.rootKey().isEmpty()) {
                throw new KeyFileException(where + ": field key: empty, and no root_key either");
            }
            Integer earlier = lineOf.putIfAbsent(eui, i + 1);
            if (earlier != null) {
                throw new KeyFileException(where + ": field eui: collar " + eui + " already listed on line " + earlier);
            }
            entries.put(eui, entry);
        }
        return new KeyFile(entries);
    }

    private static Optional<AesKey> key(String[] f, int index, String name, String where) throws KeyFileException {
        String v = index < f.length ? f[index].strip() : "";
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.length() != 32 || !v.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            // The value is deliberately not echoed: it may be a mistyped key.
            throw new KeyFileException(where + ": field " + name + ": 32 hex digits expected, got "
                    + v.length() + " characters");
        }
        return Optional.of(AesKey.ofHex(v));
    }

    Optional<Entry> get(CollarEui eui) {
        return Optional.ofNullable(entries.get(eui));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
