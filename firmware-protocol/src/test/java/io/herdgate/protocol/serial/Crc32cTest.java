package io.herdgate.protocol.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** The link's CRC is the JDK's CRC-32C; this pins it to the published check value. */
class Crc32cTest {

    @Test
    void crc32c_ofAsciiDigits_isPublishedCheckValue() {
        CRC32C crc = new CRC32C();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0xE3069283L, crc.getValue());
    }
}
