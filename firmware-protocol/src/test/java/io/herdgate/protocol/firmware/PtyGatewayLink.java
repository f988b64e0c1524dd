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
import io.herdgate.protocol.serial.TxTag;
import io.herdgate.protocol.session.CollarSession;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The gateway end of the serial link, as the gateway's serial link will do it: firmware commands become
 * session frames in radio-downlink records (COBS, CRC-32C) on the pty; a reader thread deframes the
 * radio-uplink records, checks the frames with the gateway's session and queues the firmware replies.
 */
final class PtyGatewayLink implements CommandLink, ReplySource, AutoCloseable {

    private final CollarSession session;
    private final FileOutputStream out;
    private final FileInputStream in;
    private final Enframer enframer = Enframer.create();
    private final BlockingQueue<FirmwareReply> replies = new LinkedBlockingQueue<>();
    private volatile IOException failure;
    private TxTag tag = TxTag.of(0);

    PtyGatewayLink(Path pty, CollarSession gatewaySession) throws IOException {
        this.session = gatewaySession;
        this.out = new FileOutputStream(pty.toFile());
        this.in = new FileInputStream(pty.toFile());
        Thread reader = new Thread(this::readLoop, "gateway-serial-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public synchronized void send(FirmwareCommand command) throws IOException {
        byte[] frame;
        synchronized (session) {
            frame = session.encode(command, FrameOptions.of(true, false, false));
        }
        tag = tag.next();
        out.write(enframer.enframe(RadioDownlink.of(tag, 0, 14, RadioFrame.of(frame))));
    }

    @Override
    public Optional<FirmwareReply> next(Duration timeout) throws IOException {
        try {
            FirmwareReply r = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null && failure != null) {
                throw failure;
            }
            return Optional.ofNullable(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a reply", e);
        }
    }

    private void readLoop() {
        Deframer deframer = Deframer.create();
        byte[] buf = new byte[512];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                deframer.feed(buf, 0, n, this::onRecord);
            }
            failure = new IOException("serial port closed");
        } catch (IOException e) {
            failure = e;
        }
    }

    private void onRecord(Deframed d) {
        if (d instanceof Deframed.Accepted a && a.record() instanceof RadioUplink up) {
            byte[] frame = up.frame().toByteArray();
            DecodeResult r;
            synchronized (session) {
                r = session.decode(frame, 0, frame.length);
            }
            if (r instanceof Decoded dec && dec.message() instanceof FirmwareReply reply) {
                replies.add(reply);
            }
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            in.close();
        } catch (IOException e) {
            // the pty is already gone after a cut
        }
    }
}
