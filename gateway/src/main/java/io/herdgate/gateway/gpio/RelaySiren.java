package io.herdgate.gateway.gpio;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.Objects;
import org.tinylog.Logger;

/** The siren on a relay output; the relay's polarity comes from {@link GpioSettings#sirenActiveHigh()}. */
public final class RelaySiren implements Siren {

    private final DigitalOutput pin;
    private final DigitalState on;
    private final DigitalState off;

    RelaySiren(DigitalOutput pin, boolean activeHigh) {
        this.pin = Objects.requireNonNull(pin, "pin");
        this.on = activeHigh ? DigitalState.HIGH : DigitalState.LOW;
        this.off = activeHigh ? DigitalState.LOW : DigitalState.HIGH;
    }

    @Override
    public synchronized void sound() {
        if (!sounding()) {
            pin.state(on);
            Logger.info("siren on pin={}", pin.address());
        }
    }

    @Override
    public synchronized void silence() {
        if (sounding()) {
            pin.state(off);
            Logger.info("siren off pin={}", pin.address());
        }
    }

    @Override
    public boolean sounding() {
        return pin.state() == on;
    }

    /** The level that silences the relay, for the pin's initial and shutdown state. */
    static DigitalState silentLevel(boolean activeHigh) {
        return activeHigh ? DigitalState.LOW : DigitalState.HIGH;
    }
}
