package io.herdgate.gateway.gpio;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * The pairing button, debounced in software: after a change is accepted, further changes within the
 * debounce time are contact bounce and ignored. A press is classified when it ends: held at least the
 * long-press time is {@link ButtonPress#LONG}, otherwise {@link ButtonPress#SHORT}. Because a real
 * change can hide inside a bounce window, {@link GpioBoard} also feeds the sampled level periodically.
 * Thread-safe.
 */
public final class PairingButton {

    private final long debounceNanos;
    private final long longPressNanos;
    private final LongSupplier nanoTicker;
    private final List<ButtonListener> listeners = new CopyOnWriteArrayList<>();
    private boolean down;
    private long lastAcceptedNanos;
    private long pressedAtNanos;

    PairingButton(Duration debounce, Duration longPress, LongSupplier nanoTicker) {
        this.debounceNanos = debounce.toNanos();
        this.longPressNanos = longPress.toNanos();
        this.nanoTicker = Objects.requireNonNull(nanoTicker, "nanoTicker");
        this.lastAcceptedNanos = nanoTicker.getAsLong() - debounceNanos;
    }

    public void addListener(ButtonListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(ButtonListener listener) {
        listeners.remove(listener);
    }

    /** Whether the button is held now (debounced). */
    public synchronized boolean held() {
        return down;
    }

    /**
     * The pin's level, from a change event or a periodic sample: {@code pressed} is true when the contact
     * is closed. The same level again changes nothing.
     */
    void edge(boolean pressed) {
        ButtonPress press;
        synchronized (this) {
            long now = nanoTicker.getAsLong();
            if (pressed == down || now - lastAcceptedNanos < debounceNanos) {
                return;
            }
            lastAcceptedNanos = now;
            down = pressed;
            if (pressed) {
                pressedAtNanos = now;
                return;
            }
            press = now - pressedAtNanos >= longPressNanos ? ButtonPress.LONG : ButtonPress.SHORT;
        }
        Logger.info("pairing button press={}", press.name().toLowerCase(Locale.ROOT));
        for (ButtonListener l : listeners) {
            try {
                l.pressed(press);
            } catch (RuntimeException e) {
                Logger.error(e, "pairing button listener failed press={}", press);
            }
        }
    }
}
