/**
 * Firmware update over the collar link: signed images ({@link io.herdgate.protocol.firmware.FirmwareManifest},
 * {@link io.herdgate.protocol.firmware.ImageSigner}, {@link io.herdgate.protocol.firmware.VendorKey}, the {@code .hgfw} release file
 * {@link io.herdgate.protocol.firmware.SignedImageFile}), the
 * payload codec of the firmware command and reply messages
 * ({@link io.herdgate.protocol.firmware.FirmwarePayloads}), the gateway-side state machine
 * ({@link io.herdgate.protocol.firmware.FirmwareUpdater}) and the collar side with A/B slots in a simulated
 * flash ({@link io.herdgate.protocol.firmware.CollarFirmware}). The protocol is specified in
 * {@code firmware-protocol/spec/firmware-update.md}.
 */
package io.herdgate.protocol.firmware;
