package io.herdgate.gateway.gpio;

/** Told about each complete press of the pairing button, on the GPIO event thread; keep it quick. */
@FunctionalInterface
public interface ButtonListener {

    void pressed(ButtonPress press);
}
