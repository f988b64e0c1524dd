package io.herdgate.protocol.message;

/**
 * Collar health.
 *
 * @param batteryMv        battery voltage in mV, 0..65535
 * @param temperatureDeciC board temperature in 0.1 °C, -32768..32767
 * @param firmware         running firmware version
 * @param uptimeS          seconds since the last reset, 0..2^32-1
 * @param resetCause       why the collar last reset
 * @param framesSent       uplink frames sent since the last reset, 0..2^32-1
 * @param framesDropped    frames dropped from the on-collar buffer (radio loss) since the last reset
 */
public record CollarStatus(int batteryMv, int temperatureDeciC, FirmwareVersion firmware, long uptimeS,
                           ResetCause resetCause, long framesSent, long framesDropped) implements Uplink {

    public CollarStatus {
        if (batteryMv < 0 || batteryMv > 0xFFFF) {
            throw new IllegalArgumentException("batteryMv out of 0..65535: " + batteryMv);
        }
        if (temperatureDeciC < Short.MIN_VALUE || temperatureDeciC > Short.MAX_VALUE) {
            throw new IllegalArgumentException("temperatureDeciC out of int16: " + temperatureDeciC);
        }
        checkU32("uptimeS", uptimeS);
        checkU32("framesSent", framesSent);
        checkU32("framesDropped", framesDropped);
    }

    public static CollarStatus of(int batteryMv, int temperatureDeciC, FirmwareVersion firmware, long uptimeS,
                                  ResetCause resetCause, long framesSent, long framesDropped) {
        return new CollarStatus(batteryMv, temperatureDeciC, firmware, uptimeS, resetCause, framesSent, framesDropped);
    }

    @Override
    public MessageType type() {
        return MessageType.STATUS;
    }

    static void checkU32(String field, long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(field + " out of 0..2^32-1: " + v);
        }
    }
}
