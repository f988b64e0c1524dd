package io.herdgate.gateway.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The latest detector-state snapshot ({@code DetectionEngine#writeSnapshot}), written with
 * {@link Durability#FULL} in one transaction: after a restart the engine resumes from it instead of
 * relearning weeks of baselines. Only the latest is kept.
 *
 * <p>The bytes are deflated (zlib, fastest level: state rings of young or quiet cows are mostly zeros)
 * and go to table {@code detector_checkpoint_chunk} in rows of at most {@link #CHUNK} compressed bytes as
 * the writer produces them, and come back the same way, so neither saving nor reading holds more than
 * one chunk besides the engine itself (2,000 cows are about 25 MB of state, which a 64 MB heap cannot
 * hold three times). A checkpoint stored as one uncompressed blob by an older version is still read.
 */
public final class Checkpoints {

    /** Bytes per stored chunk. */
    public static final int CHUNK = 1 << 20;

    /** Writes a snapshot's bytes to the stream it is given (and does not close it). */
    @FunctionalInterface
    public interface SnapshotWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Reads a stored snapshot from the stream it is given, which ends where the snapshot ends. */
    @FunctionalInterface
    public interface SnapshotReader<T> {
        T read(Instant takenAt, InputStream in);
    }

    private final Database db;

    private Checkpoints(Database db) {
        this.db = db;
    }

    public static Checkpoints of(Database db) {
        return new Checkpoints(db);
    }

    /**
     * Replaces the stored checkpoint with what {@code writer} writes; if the writer fails, the previous
     * checkpoint stays.
     *
     * @throws StoreException when the database or the writer fails
     */
    public void save(Instant takenAt, SnapshotWriter writer) {
        db.write(Durability.FULL, c -> {
            try (Statement clear = c.createStatement()) {
                clear.execute("DELETE FROM detector_checkpoint_chunk");
            }
            try (PreparedStatement head = c.prepareStatement(
                         "INSERT OR REPLACE INTO detector_checkpoint (id, taken_ms, snapshot) VALUES (1, ?, ?)");
                 ChunkOutput out = new ChunkOutput(c)) {
                head.setLong(1, takenAt.toEpochMilli());
                head.setBytes(2, new byte[0]);
                head.executeUpdate();
                Deflater deflater = new Deflater(Deflater.BEST_SPEED);
                try {
                    DeflaterOutputStream deflated = new DeflaterOutputStream(out, deflater, 64 * 1024);
                    writer.writeTo(deflated);
                    deflated.finish();
                } finally {
                    deflater.end(); // its native memory now, not at some later collection
                }
                out.flushChunk();
            } catch (IOException e) {
                throw new SQLException("writing the detector snapshot failed: " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** Replaces the stored checkpoint with {@code checkpoint}. */
    public void save(Checkpoint checkpoint) {
        save(checkpoint.takenAt(), out -> out.write(checkpoint.snapshot()));
    }

    /** What {@code reader} makes of the stored checkpoint, empty before the first save. */
    public <T> Optional<T> read(SnapshotReader<T> reader) {
        return db.read(c -> {
            Instant takenAt;
            byte[] blob;
            try (var rs = c.createStatement().executeQuery("SELECT taken_ms, snapshot FROM detector_checkpoint WHERE id = 1")) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                takenAt = Instant.ofEpochMilli(rs.getLong(1));
                blob = rs.getBytes(2);
            }
            if (blob != null && blob.length > 0) {
                return Optional.of(reader.read(takenAt, new ByteArrayInputStream(blob)));
            }
            try (var rs = c.createStatement().executeQuery("SELECT bytes FROM detector_checkpoint_chunk ORDER BY seq")) {
                Inflater inflater = new Inflater();
                try {
                    return Optional.of(reader.read(takenAt, new InflaterInputStream(new ChunkInput(rs), inflater, 64 * 1024)));
                } finally {
                    inflater.end();
                }
            }
        });
    }

    /** The stored checkpoint as one array, empty before the first save (tests and tools; small herds). */
    public Optional<Checkpoint> latest() {
        return read((takenAt, in) -> {
            try {
                return Checkpoint.of(takenAt, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Buffers up to {@link #CHUNK} bytes and inserts them as the next row. */
    private static final class ChunkOutput extends OutputStream {
        private final PreparedStatement insert;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
        private int seq;

        ChunkOutput(Connection c) throws SQLException {
            insert = c.prepareStatement("INSERT INTO detector_checkpoint_chunk (seq, bytes) VALUES (?, ?)");
        }

        @Override
        public void write(int b) throws IOException {
            buffer.write(b);
            if (buffer.size() >= CHUNK) {
                flushChunk();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, CHUNK - buffer.size());
                buffer.write(b, off, n);
                off += n;
                len -= n;
                if (buffer.size() >= CHUNK) {
                    flushChunk();
                }
            }
        }

        /** Inserts what is buffered as one row; nothing when the buffer is empty. */
        void flushChunk() throws IOException {
            if (buffer.size() == 0) {
                return;
            }
            try {
                insert.setInt(1, seq++);
                insert.setBytes(2, buffer.toByteArray());
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IOException("storing chunk " + (seq - 1) + " failed: " + e.getMessage(), e);
            }
            buffer.reset();
        }

        @Override
        public void close() throws IOException {
            try {
                insert.close();
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    /** The chunk rows of a result set, read one after the other as one stream. */
    private static final class ChunkInput extends InputStream {
        private final ResultSet rows;
        private byte[] chunk = new byte[0];
        private int at;

        ChunkInput(ResultSet rows) {
            this.rows = rows;
        }

        private boolean fill() throws IOException {
            while (at >= chunk.length) {
                try {
                    if (!rows.next()) {
                        return false;
                    }
                    chunk = rows.getBytes(1);
                    at = 0;
                } catch (SQLException e) {
                    throw new IOException("reading the detector checkpoint failed: " + e.getMessage(), e);
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? chunk[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - at);
            System.arraycopy(chunk, at, b, off, n);
            at += n;
            return n;
        }
    }
}
