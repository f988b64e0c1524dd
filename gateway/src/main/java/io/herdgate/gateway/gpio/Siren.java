package io.herdgate.gateway.gpio;

/**
 * The barn siren (a relay output). Thread-safe; switching an already sounding siren on again, or a
 * silent one off, changes nothing.
 */
public interface Siren {

    void sound();

    void silence();

    boolean sounding();
}
