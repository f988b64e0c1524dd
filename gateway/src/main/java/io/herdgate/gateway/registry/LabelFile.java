package io.herdgate.gateway.registry;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file of collar labels, one collar per line: {@code eui,key[,cow]} — the EUI (16 hex digits,
 * {@code :} or {@code -} allowed between), the root key ({@link KeyText#FORM}) as printed on the label or
 * its QR code, and optionally the cow it is for. Blank lines, {@code #} comments and a header line
 * starting {@code eui,} are skipped. A bad line is reported with its file, line and field and skipped;
 * the good lines still load. Keys never appear in errors.
 */
public final class LabelFile {

    /** The lines that loaded and the lines that did not; immutable. */
    public record Result(List<CollarLabel> labels, List<LabelError> errors) {
        public Result {
            labels = List.copyOf(labels);
            errors = List.copyOf(errors);
        }
    }

    private LabelFile() {
    }

    /**
     * Reads a label file.
     *
     * @throws IOException if the file cannot be read at all
     */
    public static Result read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses label lines; {@code source} names them in errors. */
    public static Result parse(String source, List<String> lines) {
        List<CollarLabel> labels = new ArrayList<>();
        List<LabelError> errors = new ArrayList<>();
        Map<CollarEui, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // spreadsheet programs write a byte-order mark
            }
            if (line.isEmpty() || line.startsWith("#") || line.toLowerCase(Locale.ROOT).startsWith("eui,")) {
                continue;
            }
            String[] f = line.split("[,;]", -1);
            if (f.length < 2 || f.length > 3) {
                errors.add(LabelError.of(source, n, "line", "expected eui,key or eui,key,cow; got " + f.length
                        + " field" + (f.length == 1 ? "" : "s")));
                continue;
            }
            CollarEui eui;
            try {
                eui = CollarEui.parse(f[0]);
            } catch (IllegalArgumentException e) {
                errors.add(LabelError.of(source, n, "eui", "must be 16 hex digits (':' or '-' between allowed), got '"
                        + f[0].strip() + "'"));
                continue;
            }
            AesKey key;
            try {
                key = KeyText.parse(f[1]);
            } catch (IllegalArgumentException e) {
                errors.add(LabelError.of(source, n, "key", e.getMessage()));
                continue;
            }
            Optional<CowId> cow = Optional.empty();
            if (f.length == 3 && !f[2].isBlank()) {
                try {
                    cow = Optional.of(CowId.of(f[2].strip()));
                } catch (IllegalArgumentException e) {
                    errors.add(LabelError.of(source, n, "cow", "must be 1..64 characters without control characters"));
                    continue;
                }
            }
            Integer earlier = lineOf.putIfAbsent(eui, n);
            if (earlier != null) {
                errors.add(LabelError.of(source, n, "eui", "collar " + eui + " is already on line " + earlier));
                continue;
            }
            labels.add(CollarLabel.of(eui, key, cow));
        }
        return new Result(labels, errors);
    }
}
