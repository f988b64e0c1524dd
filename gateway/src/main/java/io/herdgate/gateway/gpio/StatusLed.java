package io.herdgate.gateway.gpio;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The status LED: {@link LedPattern#HEARTBEAT} normally, {@link LedPattern#PAIRING} while pairing,
 * {@link LedPattern#ALARM} while an alarm is active (alarm wins). {@link #refresh()} sets the pin for
 * the current instant; {@link GpioBoard} calls it every {@value #REFRESH_MILLIS} ms. Thread-safe.
 */
public final class StatusLed {

    static final long REFRESH_MILLIS = 25;

    private final DigitalOutput pin;
    private final LongSupplier nanoTicker;
    private final long startNanos;
    private volatile boolean alarmActive;
    private volatile boolean pairing;

    StatusLed(DigitalOutput pin, LongSupplier nanoTicker) {
        this.pin = Objects.requireNonNull(pin, "pin");
        this.nanoTicker = Objects.requireNonNull(nanoTicker, "nanoTicker");
        this.startNanos = nanoTicker.getAsLong();
    }

    /** Blink the alarm pattern while {@code active}. */
    public void alarmActive(boolean active) {
        alarmActive = active;
        refresh();
    }

    /** Blink the pairing pattern while {@code active} (unless an alarm is active). */
    public void pairing(boolean active) {
        pairing = active;
        refresh();
    }

    public LedPattern pattern() {
        return alarmActive ? LedPattern.ALARM : pairing ? LedPattern.PAIRING : LedPattern.HEARTBEAT;
    }

    /** Sets the pin to what the pattern says now. */
    public synchronized void refresh() {
        long elapsed = TimeUnit.NANOSECONDS.toMillis(nanoTicker.getAsLong() - startNanos);
        boolean lit = pattern().litAt(elapsed);
        if (lit != pin.isHigh()) {
            pin.state(lit ? DigitalState.HIGH : DigitalState.LOW);
        }
    }

    public boolean lit() {
        return pin.isHigh();
    }
}
