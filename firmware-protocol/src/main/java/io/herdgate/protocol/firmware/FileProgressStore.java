package io.herdgate.protocol.firmware;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.ImageId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link ProgressStore} of one small text file per update in a folder, named
 * {@code <collar EUI>-<image id>.progress}, holding one line
 * {@code <collar EUI> <image id> <phase> <acked bytes> <total bytes>}. Files are replaced atomically
 * (write a temporary file, then rename), so a power cut leaves the old or the new line, never half.
 * A file that does not parse is reported with its name and skipped by {@link #all()}.
 */
public final class FileProgressStore implements ProgressStore {

    private static final String SUFFIX = ".progress";

    private final Path folder;

    private FileProgressStore(Path folder) {
        this.folder = folder;
    }

    /** A store in {@code folder}, created if missing. */
    public static FileProgressStore in(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ProgressStoreException(folder, "cannot create the update progress folder", e);
        }
        return new FileProgressStore(folder);
    }

    @Override
    public Optional<UpdateProgress> load(CollarEui collar, ImageId image) {
        Path file = file(collar, image);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(parse(file));
    }

    @Override
    public void save(UpdateProgress p) {
        Path file = file(p.collar(), p.image());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        String line = p.collar() + " " + p.image() + " " + p.phase() + " " + p.ackedBytes() + " " + p.totalBytes() + "\n";
        try {
            Files.writeString(tmp, line, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ProgressStoreException(file, "cannot save update progress", e);
        }
    }

    @Override
    public void remove(CollarEui collar, ImageId image) {
        Path file = file(collar, image);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ProgressStoreException(file, "cannot remove update progress", e);
        }
    }

    /** Every parseable progress file; unparseable ones are skipped (see {@link #load} for the error). */
    @Override
    public List<UpdateProgress> all() {
        List<UpdateProgress> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))::iterator) {
                try {
                    out.add(parse(f));
                } catch (ProgressStoreException e) {
                    // one damaged file must not hide the other unfinished updates
                }
            }
        } catch (IOException e) {
            throw new ProgressStoreException(folder, "cannot list update progress files", e);
        }
        return List.copyOf(out);
    }

    private Path file(CollarEui collar, ImageId image) {
        return folder.resolve(collar + "-" + image + SUFFIX);
    }

    private static UpdateProgress parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new ProgressStoreException(file, "cannot read update progress", e);
        }
        String[] f = text.split(" ");
        if (f.length != 5) {
            throw new ProgressStoreException(file, "line 1: expected '<collar> <image> <phase> <acked> <total>', got '"
                    + text + "'", null);
        }
        try {
            return UpdateProgress.of(CollarEui.parse(f[0]), ImageId.of(Long.parseUnsignedLong(f[1], 16)),
                    UpdatePhase.valueOf(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
        } catch (IllegalArgumentException e) {
            throw new ProgressStoreException(file, "line 1: " + e.getMessage() + " (phase one of "
                    + List.of(UpdatePhase.values()) + ")", e);
        }
    }
}
