package io.herdgate.gateway.gpio;

/** A Raspberry Pi GPIO pin by its BCM (Broadcom) number, 0–27 on the 40-pin header; not the header position. */
public record BcmPin(int number) {

    public BcmPin {
        if (number < 0 || number > 27) {
            throw new IllegalArgumentException("BCM pin must be 0-27 (the GPIO numbers of the 40-pin header): " + number);
        }
    }

    public static BcmPin of(int number) {
        return new BcmPin(number);
    }

    @Override
    public String toString() {
        return "BCM" + number;
    }
}
