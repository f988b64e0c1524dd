package io.herdgate.gateway.sms;

import java.util.List;
import java.util.Optional;

/** A result code the modem sends on its own, between or during commands. */
sealed interface Unsolicited {

    /** {@code +CMTI: <mem>,<index>}: an SMS arrived and is stored at {@code index}. */
    record MessageStored(String storage, int index) implements Unsolicited {
    }

    /**
     * {@code +CDS: <fo>,<mr>,[<ra>],[<tora>],<scts>,<dt>,<st>} (text mode): the status of the message with
     * reference {@code mr}. {@code st} 0..31 completed (0 = delivered), 32..63 still trying, 64..127 failed.
     */
    record StatusReport(int mr, int status) implements Unsolicited {

        boolean delivered() {
            return status >= 0 && status < 32;
        }

        boolean failed() {
            return status >= 64;
        }
    }

    /** The unsolicited result code {@code line} stands for, or empty when it is none (or malformed). */
    static Optional<Unsolicited> parse(String line) {
        try {
            if (line.startsWith("+CMTI:")) {
                List<String> f = AtFields.split(line.substring(6));
                return Optional.of(new MessageStored(f.get(0), Integer.parseInt(f.get(1))));
            }
            if (line.startsWith("+CDS:")) {
                List<String> f = AtFields.split(line.substring(5));
                return Optional.of(new StatusReport(Integer.parseInt(f.get(1)), Integer.parseInt(f.get(f.size() - 1))));
            }
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** True for the prefixes handled here, so that they never end up in a command's answer. */
    static boolean isUnsolicited(String line) {
        return line.startsWith("+CMTI:") || line.startsWith("+CDS:");
    }
}
