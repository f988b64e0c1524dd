package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.sms.SimulatedModem;
import io.herdgate.gateway.testing.PtyPair;
import org.junit.jupiter.api.Test;

class SmsTestCommandTest {

    @Test
    void smsTest_sendsTheEmptySummary_inTheChosenLanguage() throws Exception {
        try (PtyPair pty = PtyPair.open(); SimulatedModem modem = SimulatedModem.on(pty.b())) {
            Cli cli = Cli.run("sms-test", "--modem", pty.a().toString(), "--to", "+4915112345678", "--language", "de",
                    "--zone", "Europe/Berlin");

            assertEquals(0, cli.exit(), cli.err());
            assertTrue(cli.out().startsWith("Sent to +4915112345678"), cli.out());
            SimulatedModem.Submitted sms = modem.nextSubmitted().orElseThrow();
            assertEquals("+4915112345678", sms.number());
            assertTrue(sms.text().startsWith("Herdenbericht"), sms.text());
        }
    }

    @Test
    void modemRefusal_isOneLine_andExit1() throws Exception {
        try (PtyPair pty = PtyPair.open(); SimulatedModem modem = SimulatedModem.on(pty.b())) {
            modem.failNextSend("+CMS ERROR: 330");

            Cli cli = Cli.run("sms-test", "--modem", pty.a().toString(), "--to", "+4915112345678");

            assertEquals(1, cli.exit());
            assertEquals("herdgate sms-test: the modem cannot send (cms_330): +CMS ERROR: 330", cli.err().strip());
        }
    }

    @Test
    void missingModem_andBadNumber_areOneLineErrors() {
        Cli noModem = Cli.run("sms-test", "--modem", "/dev/no-such-modem", "--to", "+4915112345678");
        assertEquals(1, noModem.exit());
        assertTrue(noModem.err().startsWith("herdgate sms-test: not sent, try again (modem_down): cannot open "
                + "/dev/no-such-modem"), noModem.err());

        Cli badNumber = Cli.run("sms-test", "--to", "015112345678");
        assertEquals(1, badNumber.exit());
        assertTrue(badNumber.err().contains("E.164"), badNumber.err());
        assertTrue(noModem.noStackTrace() && badNumber.noStackTrace());
    }
}
