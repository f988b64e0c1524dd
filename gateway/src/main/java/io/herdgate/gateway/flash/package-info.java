/**
 * Firmware updates of collars over the live link, run inside the gateway: the protocol's
 * {@link io.herdgate.protocol.firmware.FirmwareUpdater} per collar on its own thread, its commands sent
 * as downlinks in the collar's session, the collar's replies arriving as uplinks through the frame
 * pipeline, progress persisted so that starting the same image again resumes where it stopped.
 */
package io.herdgate.gateway.flash;
