package io.herdgate.gateway.cli;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import picocli.CommandLine;

/** Converters for installer arguments: a bad value is a usage error naming the option and the allowed form. */
final class CollarArgs {

    private CollarArgs() {
    }

    /** {@code --collar EUI}: 16 hex digits, {@code :} or {@code -} between allowed. */
    static final class Eui implements CommandLine.ITypeConverter<CollarEui> {
        @Override
        public CollarEui convert(String value) {
            try {
                return CollarEui.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("16 hex digits expected (':' or '-' between allowed), got '"
                        + value + "'");
            }
        }
    }

    /** {@code --cow ID}: the farm's name for her, 1..64 characters. */
    static final class Cow implements CommandLine.ITypeConverter<CowId> {
        @Override
        public CowId convert(String value) {
            try {
                return CowId.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "1..64 characters without surrounding blanks or control characters expected, got '" + value + "'");
            }
        }
    }
}
