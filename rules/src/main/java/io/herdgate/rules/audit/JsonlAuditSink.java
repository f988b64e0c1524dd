package io.herdgate.rules.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one JSON object per record to a file ({@code {"at":"2026-…Z","who":"vet","source":"rules.yaml",
 * "changes":[{"path":"herd.heat.rise_pct","old":"70","new":"80"}]}}; {@code old}/{@code new} are
 * {@code null} when unset). The file is opened in append mode for every record and synced, so records
 * are never rewritten and survive a power cut once {@link #append} returned.
 */
public final class JsonlAuditSink implements AuditSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private JsonlAuditSink(Path file) {
        this.file = file;
    }

    public static JsonlAuditSink of(Path file) {
        return new JsonlAuditSink(file);
    }

    @Override
    public synchronized void append(AuditRecord record) throws AuditException {
        ObjectNode o = JSON.createObjectNode();
        o.put("at", record.at().toString());
        o.put("who", record.who());
        o.put("source", record.source());
        ArrayNode changes = o.putArray("changes");
        for (ParameterChange c : record.changes()) {
            ObjectNode n = changes.addObject();
            n.put("path", c.path());
            n.put("old", c.before().orElse(null));
            n.put("new", c.after().orElse(null));
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE, StandardOpenOption.DSYNC)) {
            out.write((JSON.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AuditException("cannot append to audit file " + file + ": " + e.getMessage(), e);
        }
    }
}
