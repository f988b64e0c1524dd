package io.herdgate.gateway.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {

    @Test
    void parse_dropsCommentsAndBlankLines_andSplitsOnWhiteSpace() {
        List<String> lines = List.of(
                "# heap: the Pi has 1 GB",
                "-Xmx64m   # why: measured",
                "",
                "   ",
                "-XX:+UseSerialGC\t-Xss512k",
                "-Dfile.encoding=UTF-8#no space before the comment");

        assertEquals(List.of("-Xmx64m", "-XX:+UseSerialGC", "-Xss512k", "-Dfile.encoding=UTF-8"), JvmOptions.parse(lines));
    }

    @Test
    void parse_ofOnlyComments_isEmpty() {
        assertEquals(List.of(), JvmOptions.parse(List.of("# nothing", "  # still nothing")));
    }
}
