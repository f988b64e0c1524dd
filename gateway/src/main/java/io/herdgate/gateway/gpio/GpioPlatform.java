package io.herdgate.gateway.gpio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which pins {@link GpioBoard} drives. */
public enum GpioPlatform {
    /** {@link #RASPBERRY_PI} when the device tree says so, else {@link #MOCK}. */
    AUTO,
    /** The real pins, through libgpiod. */
    RASPBERRY_PI,
    /** Pi4J's in-memory pins: a laptop, CI, the demo. */
    MOCK;

    /** The device-tree model file the kernel of a Pi exposes. */
    public static final Path MODEL_FILE = Path.of("/proc/device-tree/model");

    /** This choice made concrete: {@link #AUTO} reads {@code modelFile}; the others stay as they are. */
    public GpioPlatform resolve(Path modelFile) {
        if (this != AUTO) {
            return this;
        }
        try {
            String model = new String(Files.readAllBytes(modelFile), StandardCharsets.US_ASCII);
            return model.contains("Raspberry Pi") ? RASPBERRY_PI : MOCK;
        } catch (IOException e) { // no device tree: not a Pi
            return MOCK;
        }
    }
}
