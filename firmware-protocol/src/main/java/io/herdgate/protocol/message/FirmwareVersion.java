package io.herdgate.protocol.message;

/** A collar firmware version {@code major.minor.patch}, each 0..255. */
public record FirmwareVersion(int major, int minor, int patch) implements Comparable<FirmwareVersion> {

    public FirmwareVersion {
        if ((major | minor | patch) < 0 || major > 255 || minor > 255 || patch > 255) {
            throw new IllegalArgumentException("version parts out of 0..255: " + major + "." + minor + "." + patch);
        }
    }

    public static FirmwareVersion of(int major, int minor, int patch) {
        return new FirmwareVersion(major, minor, patch);
    }

    /** Parses {@code "1.4.2"}. */
    public static FirmwareVersion parse(String text) {
        String[] p = text.trim().split("\\.");
        if (p.length != 3) {
            throw new IllegalArgumentException("expected major.minor.patch, got '" + text + "'");
        }
        return of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }

    @Override
    public int compareTo(FirmwareVersion o) {
        return Integer.compare(major << 16 | minor << 8 | patch, o.major << 16 | o.minor << 8 | o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
