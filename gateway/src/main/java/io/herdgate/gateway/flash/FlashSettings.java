package io.herdgate.gateway.flash;

import io.herdgate.protocol.firmware.UpdateSettings;
import io.herdgate.protocol.firmware.VendorKey;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Settings of collar firmware updates ({@code firmware:} in {@code herdgate.yaml}).
 *
 * @param vendorKey the vendor's Ed25519 public key: release files not signed with it are refused before
 *                  a byte is sent (the collars hold the same key and would refuse them too)
 * @param update    chunk size, window, reply timeout and retries of the transfer
 */
public record FlashSettings(VendorKey vendorKey, UpdateSettings update) {

    public FlashSettings {
        Objects.requireNonNull(vendorKey, "vendorKey");
        Objects.requireNonNull(update, "update");
    }

    public static FlashSettings of(VendorKey vendorKey, UpdateSettings update) {
        return new FlashSettings(vendorKey, update);
    }

    /**
     * The vendor key as 64 hex digits, with {@link UpdateSettings#defaults()} (full chunks, 8 in flight,
     * 2 s reply timeout, 5 retries: right for the serial dongle and for MQTT on a farm LAN).
     *
     * @throws IllegalArgumentException naming the field and the allowed form
     */
    public static FlashSettings of(String vendorKeyHex) {
        String hex = vendorKeyHex.strip();
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("firmware.vendor-key must be 64 hex digits (an Ed25519 public key), got "
                    + hex.length() + " characters");
        }
        return new FlashSettings(VendorKey.ofRaw(HexFormat.of().parseHex(hex)), UpdateSettings.defaults());
    }
}
