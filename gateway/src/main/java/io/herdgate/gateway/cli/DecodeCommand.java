package io.herdgate.gateway.cli;

import io.herdgate.protocol.json.FrameJson;
import io.herdgate.protocol.json.JsonOut;
import io.herdgate.protocol.serial.Deframed;
import io.herdgate.protocol.serial.Deframer;
import io.herdgate.protocol.serial.DongleRecord;
import io.herdgate.protocol.serial.DongleStatus;
import io.herdgate.protocol.serial.RadioDownlink;
import io.herdgate.protocol.serial.RadioUplink;
import io.herdgate.protocol.serial.TxDone;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herdgate decode}: hex frames in, one JSON object per frame out. A bad frame prints an
 * {@code "error"} object and decoding goes on; only bad arguments (or an unreadable key file) fail the
 * command.
 */
@Command(name = "decode",
        mixinStandardHelpOptions = true,
        description = {
                "Decodes collar frames given as hex, one JSON object per frame on standard output.",
                "Frames come from the arguments or, without arguments, one per line on standard input "
                        + "(blank lines and lines starting with # are skipped).",
                "Without --keys the MIC is not checked (\"mic\":\"unchecked\")."},
        footer = {"", "Examples:",
                "  herdgate decode 100300140034120...",
                "  herdgate decode --keys collars.csv < capture.txt",
                "  herdgate decode --framing serial 0b01...00"})
public final class DecodeCommand implements Callable<Integer> {

    /** How the hex bytes are framed. */
    enum Framing {
        /** Serial when the bytes end in 0x00 and hold no other 0x00 (COBS), else raw. */
        AUTO,
        /** A protocol frame exactly as on air. */
        RAW,
        /** Dongle records as on the serial link: COBS(record + CRC-32C) 0x00. */
        SERIAL
    }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--framing", defaultValue = "auto", paramLabel = "auto|raw|serial",
            description = "auto (default): serial if the bytes end in 00 and contain no other 00, else raw.")
    Framing framing;

    @Option(names = "--keys", paramLabel = "FILE",
            description = "CSV eui,key[,payload_key[,root_key]]: key checks the MIC of session frames, payload_key "
                    + "decrypts encrypted payloads, root_key checks join frames. Keys are never printed.")
    Path keyFile;

    @Parameters(paramLabel = "HEX", arity = "0..*", description = "Frames in hex (spaces and a 0x prefix allowed).")
    List<String> frames;

    /** Standard input; replaceable in tests. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        KeyFile keys;
        try {
            keys = keyFile == null ? KeyFile.none() : KeyFile.read(keyFile);
        } catch (KeyFile.KeyFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--keys " + e.getMessage());
        }
        KeyedDecoder decoder = new KeyedDecoder(keys);
        PrintWriter out = spec.commandLine().getOut();
        if (frames != null && !frames.isEmpty()) {
            for (int i = 0; i < frames.size(); i++) {
                line(decoder, i + 1, frames.get(i), out);
            }
        } else {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
                String text;
                int n = 0;
                while ((text = in.readLine()) != null) {
                    n++;
                    String t = text.strip();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        line(decoder, n, t, out);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading standard input", e);
            }
        }
        out.flush();
        return 0;
    }

    private void line(KeyedDecoder decoder, int n, String text, PrintWriter out) {
        String hex = text.replaceAll("\\s", "");
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        byte[] bytes;
        try {
            if (hex.isEmpty() || hex.length() % 2 != 0) {
                throw new IllegalArgumentException("an even number of hex digits is needed, got " + hex.length());
            }
            bytes = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            out.println(JsonOut.create().num("line", n).str("error", "bad_hex").str("detail", e.getMessage()).build());
            return;
        }
        if (framing == Framing.SERIAL || (framing == Framing.AUTO && looksSerial(bytes))) {
            Deframer deframer = Deframer.create();
            deframer.feed(bytes, d -> out.println(serial(decoder, n, d)));
            if (deframer.pending() > 0) {
                out.println(JsonOut.create().num("line", n).str("error", "truncated")
                        .str("detail", deframer.pending() + " bytes after the last 00 delimiter").build());
            }
        } else {
            out.println(FrameJson.writeTo(decoder.decode(bytes), JsonOut.create().num("line", n)).build());
        }
    }

    /** COBS output holds no 0x00 but the delimiter; a raw frame always has one (the high length byte). */
    static boolean looksSerial(byte[] b) {
        if (b.length == 0 || b[b.length - 1] != 0) {
            return false;
        }
        for (int i = 0; i < b.length - 1; i++) {
            if (b[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static String serial(KeyedDecoder decoder, int n, Deframed d) {
        JsonOut o = JsonOut.create().num("line", n);
        if (d instanceof Deframed.Rejected r) {
            return o.str("error", r.reason().name().toLowerCase(Locale.ROOT)).str("detail", r.reason().description())
                    .build();
        }
        DongleRecord record = ((Deframed.Accepted) d).record();
        o.str("record", record.kind().name().toLowerCase(Locale.ROOT));
        if (record instanceof RadioUplink u) {
            o.num("channel", u.channel()).num("rssi_dbm", u.rssiDbm()).raw("snr_db", Double.toString(u.snrDb()))
                    .num("rx_time_ms", u.rxTimeMs());
            return FrameJson.writeTo(decoder.decode(u.frame().toByteArray()), o).build();
        }
        if (record instanceof RadioDownlink down) {
            o.num("tag", down.tag().value()).num("channel", down.channel()).num("tx_power_dbm", down.txPowerDbm());
            return FrameJson.writeTo(decoder.decode(down.frame().toByteArray()), o).build();
        }
        if (record instanceof DongleStatus s) {
            return o.num("uptime_ms", s.uptimeMs()).num("frames_heard", s.framesHeard())
                    .num("frames_dropped", s.framesDropped()).build();
        }
        TxDone t = (TxDone) record;
        return o.num("tag", t.tag().value()).str("outcome", t.outcome().name().toLowerCase(Locale.ROOT))
                .num("done_ms", t.doneMs()).build();
    }
}
