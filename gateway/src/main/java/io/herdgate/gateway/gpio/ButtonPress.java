package io.herdgate.gateway.gpio;

/** What the installer did with the pairing button. */
public enum ButtonPress {
    /** Pressed and released before the long-press time. */
    SHORT,
    /** Held at least {@link GpioSettings#longPress()}; reported at release. */
    LONG
}
