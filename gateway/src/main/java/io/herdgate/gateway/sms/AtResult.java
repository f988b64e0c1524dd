package io.herdgate.gateway.sms;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the modem answered to one AT command. */
sealed interface AtResult {

    /** Final result {@code OK}; {@code lines} are the information lines before it, in order. */
    record Ok(List<String> lines) implements AtResult {
        public Ok {
            lines = List.copyOf(lines);
        }

        /** The first line starting with {@code prefix} (e.g. {@code "+CMGS:"}), without the prefix, stripped. */
        Optional<String> value(String prefix) {
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                    .map(l -> l.substring(prefix.length()).strip());
        }
    }

    /**
     * Final result {@code ERROR}, {@code +CMS ERROR: n} or {@code +CME ERROR: n}.
     *
     * @param kind {@code "ERROR"}, {@code "CMS"} or {@code "CME"}
     * @param code the number after the colon, -1 for a plain {@code ERROR} or a text the modem sent instead
     * @param line the line as received
     */
    record Error(String kind, int code, String line) implements AtResult {
    }

    /** No final result within {@code after}. */
    record TimedOut(String command, Duration after) implements AtResult {
    }

    /** The port is closed or was lost (unplugged) before the answer came. */
    record PortDown(String reason) implements AtResult {
    }
}
