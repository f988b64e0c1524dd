package io.herdgate.sim.collar;

import io.herdgate.protocol.firmware.CollarFirmware;
import io.herdgate.protocol.firmware.SimulatedFlash;
import io.herdgate.protocol.firmware.VendorKey;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;

import java.time.Instant;
import java.util.List;

/** {@link FirmwareAgent} over {@link CollarFirmware}: the flash is the only state, a reset boots it again. */
final class UpdatableFirmware implements FirmwareAgent {

    private final SimulatedFlash flash;
    private final VendorKey vendorKey;
    private final int hardware;
    private CollarFirmware firmware;

    private UpdatableFirmware(SimulatedFlash flash, VendorKey vendorKey, int hardware) {
        this.flash = flash;
        this.vendorKey = vendorKey;
        this.hardware = hardware;
        reset();
    }

    static UpdatableFirmware boot(SimulatedFlash flash, VendorKey vendorKey, int hardware) {
        return new UpdatableFirmware(flash, vendorKey, hardware);
    }

    @Override
    public FirmwareVersion running() {
        return firmware.runningVersion();
    }

    @Override
    public Response handle(FirmwareCommand command, Instant now) {
        long restarts = firmware.restarts();
        FirmwareReply reply = firmware.handle(command);
        // a test boot, or an abort that ends a trial, restarted the MCU into another image
        return Response.of(List.of(reply), firmware.restarts() != restarts);
    }

    @Override
    public void reset() {
        firmware = CollarFirmware.boot(flash, vendorKey, hardware);
    }
}
