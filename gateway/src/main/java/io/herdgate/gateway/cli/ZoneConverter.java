package io.herdgate.gateway.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine;

/** Reads a time zone id ({@code UTC}, {@code Europe/Zurich}, {@code +01:00}) with a helpful error. */
final class ZoneConverter implements CommandLine.ITypeConverter<ZoneId> {

    @Override
    public ZoneId convert(String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a time zone; use a region id such as Europe/Zurich or America/Toronto, UTC, or an offset like +01:00");
        }
    }
}
