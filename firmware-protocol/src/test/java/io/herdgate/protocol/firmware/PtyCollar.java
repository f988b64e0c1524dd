package io.herdgate.protocol.firmware;

import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.serial.Deframed;
import io.herdgate.protocol.serial.Deframer;
import io.herdgate.protocol.serial.Enframer;
import io.herdgate.protocol.serial.RadioDownlink;
import io.herdgate.protocol.serial.RadioFrame;
import io.herdgate.protocol.serial.RadioUplink;
import io.herdgate.protocol.session.CollarSession;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The far end of the pty: the dongle and, over its radio, one collar. Deframes radio-downlink records,
 * opens the frames with the collar's session, hands firmware commands to {@link CollarFirmware} and sends
 * each reply back as a radio-uplink record. The collar (flash and session) outlives the pty, so a new pty
 * pair can be attached after a cut.
 */
final class PtyCollar implements AutoCloseable {

    private final SimulatedFlash flash;
    private final CollarSession session;
    private final Enframer enframer = Enframer.create();
    private CollarFirmware firmware;
    private boolean powerLossInTestBoot;
    private FileOutputStream out;
    private FileInputStream in;
    private long rxTimeMs;

    PtyCollar(SimulatedFlash flash, CollarSession collarSession) {
        this.flash = flash;
        this.session = collarSession;
        this.firmware = CollarFirmware.boot(flash, TestImages.VENDOR_KEY, TestImages.HARDWARE);
    }

    /** From now on, the collar loses power right after it starts a test boot, before it can answer. */
    synchronized void losePowerInTestBoot() {
        powerLossInTestBoot = true;
    }

    synchronized CollarFirmware firmware() {
        return firmware;
    }

    /** Starts serving the collar end of a pty. */
    synchronized void attach(Path pty) throws IOException {
        out = new FileOutputStream(pty.toFile());
        in = new FileInputStream(pty.toFile());
        FileInputStream mine = in;
        Thread reader = new Thread(() -> readLoop(mine), "collar-serial-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(FileInputStream from) {
        Deframer deframer = Deframer.create();
        byte[] buf = new byte[512];
        try {
            int n;
            while ((n = from.read(buf)) >= 0) {
                deframer.feed(buf, 0, n, this::onRecord);
            }
        } catch (IOException e) {
            // the link was cut; the collar waits for the next attach
        }
    }

    private synchronized void onRecord(Deframed d) {
        if (!(d instanceof Deframed.Accepted a) || !(a.record() instanceof RadioDownlink down)) {
            return;
        }
        byte[] frame = down.frame().toByteArray();
        DecodeResult r = session.decode(frame, 0, frame.length);
        if (!(r instanceof Decoded dec) || !(dec.message() instanceof FirmwareCommand command)) {
            return;
        }
        FirmwareReply reply = firmware.handle(command);
        if (command instanceof FirmwareCommand.TestBoot && powerLossInTestBoot) {
            powerLossInTestBoot = false;
            firmware = CollarFirmware.boot(flash, TestImages.VENDOR_KEY, TestImages.HARDWARE); // dies, boots again
            return; // the dying trial image never answered
        }
        byte[] up = session.encode(reply, FrameOptions.PLAIN);
        rxTimeMs += 10;
        try {
            out.write(enframer.enframe(RadioUplink.of(0, -70, 28, rxTimeMs, RadioFrame.of(up))));
        } catch (IOException e) {
            // the link was cut mid-reply; the gateway will ask again
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
                in.close();
            }
        } catch (IOException e) {
            // already gone
        }
    }
}
