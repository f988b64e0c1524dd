/**
 * The Pi's pins through Pi4J 2: the status LED ({@link io.herdgate.gateway.gpio.StatusLed}, heartbeat or
 * alarm blink), the barn siren relay ({@link io.herdgate.gateway.gpio.RelaySiren}, implementing
 * {@link io.herdgate.gateway.gpio.Siren}) and the debounced pairing button
 * ({@link io.herdgate.gateway.gpio.PairingButton}, short and long presses). {@link
 * io.herdgate.gateway.gpio.GpioBoard} opens them on the real pins of a Raspberry Pi (libgpiod) or on
 * Pi4J's mock platform anywhere else. Pins are BCM numbers.
 */
package io.herdgate.gateway.gpio;
