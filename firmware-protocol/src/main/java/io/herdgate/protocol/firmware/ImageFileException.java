package io.herdgate.protocol.firmware;

import java.io.IOException;
import java.nio.file.Path;

/** A firmware release file is not laid out as {@link SignedImageFile} says, or fails its checks. */
public final class ImageFileException extends IOException {

    private final transient Path file;

    public ImageFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }
}
