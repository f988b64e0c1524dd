package io.herdgate.gateway.gpio;

import java.time.Duration;
import java.util.Objects;

/**
 * Wiring and timing of the gateway's pins.
 *
 * @param statusLed       LED output, active high
 * @param siren           relay output of the siren
 * @param sirenActiveHigh true when the relay closes on a high pin (most relay boards close on low)
 * @param button          pairing button input, wired to ground with the internal pull-up (pressed = low)
 * @param debounce        how long the button must stay put before a change counts, 1–500 ms
 * @param longPress       press at least this long counts as a long press, 0.5–30 s and above debounce
 * @param platform        which pins to drive
 */
public record GpioSettings(BcmPin statusLed, BcmPin siren, boolean sirenActiveHigh, BcmPin button,
                           Duration debounce, Duration longPress, GpioPlatform platform) {

    public GpioSettings {
        Objects.requireNonNull(statusLed, "statusLed");
        Objects.requireNonNull(siren, "siren");
        Objects.requireNonNull(button, "button");
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(longPress, "longPress");
        Objects.requireNonNull(platform, "platform");
        if (statusLed.equals(siren) || statusLed.equals(button) || siren.equals(button)) {
            throw new IllegalArgumentException("gpio pins must differ: status_led=" + statusLed + " siren=" + siren
                    + " button=" + button);
        }
        if (debounce.compareTo(Duration.ofMillis(1)) < 0 || debounce.compareTo(Duration.ofMillis(500)) > 0) {
            throw new IllegalArgumentException("gpio.debounce must be 1-500 ms: " + debounce.toMillis() + " ms");
        }
        if (longPress.compareTo(Duration.ofMillis(500)) < 0 || longPress.compareTo(Duration.ofSeconds(30)) > 0
                || longPress.compareTo(debounce) <= 0) {
            throw new IllegalArgumentException("gpio.long_press must be 0.5-30 s: " + longPress.toMillis() + " ms");
        }
    }

    public static GpioSettings of(BcmPin statusLed, BcmPin siren, boolean sirenActiveHigh, BcmPin button,
                                  Duration debounce, Duration longPress, GpioPlatform platform) {
        return new GpioSettings(statusLed, siren, sirenActiveHigh, button, debounce, longPress, platform);
    }

    /**
     * Siren relay on BCM 17 (header pin 11, active low like common relay boards), LED on BCM 27 (pin 13),
     * button on BCM 22 (pin 15), as herdgate.yaml's gpio section defaults; 30 ms debounce, 3 s long press,
     * platform detected.
     */
    public static GpioSettings defaults() {
        return of(BcmPin.of(27), BcmPin.of(17), false, BcmPin.of(22), Duration.ofMillis(30), Duration.ofSeconds(3),
                GpioPlatform.AUTO);
    }

    public GpioSettings withPlatform(GpioPlatform p) {
        return of(statusLed, siren, sirenActiveHigh, button, debounce, longPress, p);
    }
}
