package io.herdgate.gateway.config;

/**
 * The Pi's GPIO outputs and input, by BCM pin number (2..27).
 *
 * @param sirenPin  relay driving the barn siren
 * @param ledPin    status LED
 * @param buttonPin pairing button (to ground, internal pull-up)
 */
public record GpioConfig(int sirenPin, int ledPin, int buttonPin) {

    public static final int MIN_PIN = 2;
    public static final int MAX_PIN = 27;
    public static final GpioConfig DEFAULT = new GpioConfig(17, 27, 22);

    public GpioConfig {
        for (int p : new int[] {sirenPin, ledPin, buttonPin}) {
            if (p < MIN_PIN || p > MAX_PIN) {
                throw new IllegalArgumentException("GPIO pins must be " + MIN_PIN + ".." + MAX_PIN + ", got " + p);
            }
        }
        if (sirenPin == ledPin || sirenPin == buttonPin || ledPin == buttonPin) {
            throw new IllegalArgumentException("siren, LED and button need three different pins");
        }
    }

    public static GpioConfig of(int sirenPin, int ledPin, int buttonPin) {
        return new GpioConfig(sirenPin, ledPin, buttonPin);
    }
}
