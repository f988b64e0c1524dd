package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.flash.FlashService;
import io.herdgate.gateway.flash.FlashSettings;
import io.herdgate.gateway.http.ApiClient;
import io.herdgate.gateway.http.ApiResponse;
import io.herdgate.gateway.registry.CollarRegistry;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.PairingHistory;
import io.herdgate.gateway.store.SqliteProgressStore;
import io.herdgate.protocol.firmware.ImageSigner;
import io.herdgate.protocol.firmware.UpdateSettings;
import io.herdgate.protocol.firmware.VendorKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pair, unpair, collars and pairing against a real SQLite file and a real HTTP server on a free port,
 * as on the Pi: the commands talk to the running gateway's API, whose registry changes at once.
 */
class InstallerCommandsTest {

    static final String A = "70B3D5499A000001";
    static final String B = "70B3D5499A000002";
    static final String KEY_A = "8F3A61C2D47E0B95A1C3E5F70911B2D4";
    static final String KEY_B = "000102030405060708090A0B0C0D0E0F";

    @TempDir
    Path dataDir;
    Database db;
    CollarRegistry registry;
    FlashService flash;
    TestGateway gateway;
    String url;
    final List<Cli> runs = new ArrayList<>();
    /** Everything the process printed meanwhile, the gateway's log included (it logs to the console). */
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream stdout;
    PrintStream stderr;

    @BeforeEach
    void start() throws IOException {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(new TeeOutputStream(stdout, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new TeeOutputStream(stderr, console), true, StandardCharsets.UTF_8));
        db = TestGateway.database(dataDir);
        registry = CollarRegistry.open(db, Clock.systemUTC());
        flash = FlashService.of((eui, m) -> false, SqliteProgressStore.of(db), Clock.systemUTC(),
                FlashSettings.of(VendorKey.of(ImageSigner.generateKeyPair().getPublic()), UpdateSettings.defaults()));
        gateway = TestGateway.start(dataDir, registry, flash);
        url = gateway.url();
    }

    @AfterEach
    void stop() {
        gateway.close();
        flash.close();
        db.close();
        System.setOut(stdout);
        System.setErr(stderr);
        String log = console.toString(StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
        assertFalse(log.contains(KEY_A) || log.contains(KEY_B), "a key was logged");
        for (Cli r : runs) {
            String all = (r.out() + r.err()).toUpperCase(Locale.ROOT);
            assertFalse(all.contains(KEY_A) || all.contains(KEY_B), "a key was printed: " + r);
            assertTrue(r.noStackTrace(), r.toString());
        }
    }

    private Cli run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--gateway", url, "--data-dir", dataDir.toString()));
        Cli r = Cli.run(all.toArray(String[]::new));
        runs.add(r);
        return r;
    }

    /** Writes to two streams. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeOutputStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }

    @Test
    void pair_newCollar_isLiveInTheGateway_andListedByCollars() {
        Cli r = run("pair", "--collar", A, "--key", KEY_A, "--cow", "7019");

        assertEquals(0, r.exit(), r.toString());
        assertEquals("Collar " + A + " is on cow 7019 now.\n", r.out());
        assertEquals(CowId.of("7019"), registry.pairing(CollarEui.parse(A)).orElseThrow().cow());

        Cli table = run("collars");
        assertEquals(0, table.exit(), table.toString());
        List<String> lines = table.out().lines().toList();
        assertEquals(List.of("COW", "EUI", "BATTERY", "RSSI", "LAST", "SEEN", "FIRMWARE", "STATUS"),
                List.of(lines.get(0).split("\\s+")));
        assertEquals(List.of("7019", A, "-", "-", "never", "-", "silent"), List.of(lines.get(1).split("\\s+")));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("collar " + A + " paired with cow 7019"),
                "the gateway log is captured (and checked for keys after each test)");
    }

    @Test
    void pair_keyFromStandardInput_isNeverEchoed() {
        // The stdin seam is a field of the command: run it through picocli by hand.
        picocli.CommandLine cl = HerdgateCommand.commandLine();
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(out));
        cl.setErr(new java.io.PrintWriter(err));
        picocli.CommandLine pair = cl.getSubcommands().get("pair");
        ((PairCommand) pair.getCommand()).stdin = new ByteArrayInputStream((KEY_A + "\n").getBytes(StandardCharsets.UTF_8));

        int exit = cl.execute("pair", "--collar", A, "--key", "-", "--cow", "7019", "--gateway", gateway.url(),
                "--data-dir", dataDir.toString());
        runs.add(new Cli(exit, out.toString(), err.toString()));

        assertEquals(0, exit, err.toString());
        assertTrue(registry.pairing(CollarEui.parse(A)).isPresent());
    }

    @Test
    void pair_unknownCollarWithoutKey_failsWithOneLine() {
        Cli r = run("pair", "--collar", A, "--cow", "7019");

        assertEquals(1, r.exit());
        assertEquals("herdgate pair: collar " + A + " is not registered: give its key (from the label) with the "
                + "pairing\n", r.err());
    }

    @Test
    void pair_mistypedKey_isAUsageError_thatDoesNotRepeatTheKey() {
        String typo = KEY_A.substring(0, 30) + "ZZ";

        Cli r = run("pair", "--collar", A, "--key", typo, "--cow", "7019");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Invalid value for option '--key': key must be 32 hex digits"), r.err());
        assertFalse(r.err().contains(typo), r.err());
    }

    @Test
    void pair_replacementCollar_keepsTheCowsHistory_andUnpair_leavesASpare() {
        run("pair", "--collar", A, "--key", KEY_A, "--cow", "7019");

        Cli replace = run("pair", "--collar", B, "--key", KEY_B, "--cow", "7019");
        assertEquals("Collar " + B + " is on cow 7019 now. It replaces collar " + A
                + ", which is spare now; cow 7019 keeps her history.\n", replace.out());
        assertEquals(List.of(CollarEui.parse(A), CollarEui.parse(B)),
                PairingHistory.of(db).history(CowId.of("7019")).stream().map(p -> p.collar()).toList());

        Cli unpair = run("unpair", "--collar", B);
        assertEquals(0, unpair.exit(), unpair.toString());
        assertEquals("Collar " + B + " is off cow 7019 and spare now.\n", unpair.out());
        assertTrue(registry.pairing(CollarEui.parse(B)).isEmpty());
        assertEquals("Collar " + B + " was on no cow; nothing changed.\n", run("unpair", "--collar", B).out());

        Cli repair = run("pair", "--collar", A, "--cow", "7019");
        assertEquals(0, repair.exit(), "a spare collar pairs again without its key: " + repair);
    }

    @Test
    void pair_sameCollarWithAnotherKey_isRefused() {
        run("pair", "--collar", A, "--key", KEY_A, "--cow", "7019");

        Cli r = run("pair", "--collar", A, "--key", KEY_B, "--cow", "7020");

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("registered with another key"), r.err());
    }

    @Test
    void pairingOpen_loadsTheGoodLabels_reportsBadLinesWithFileLineAndField() throws IOException {
        Path labels = dataDir.resolve("box3.csv");
        Files.writeString(labels, "eui,key\n" + A + "," + KEY_A + "\n" + B + "," + KEY_B.substring(2) + "\n");

        Cli r = run("pairing", "open", "--labels", labels.toString(), "--cows", "7019,7020", "--for", "20m");

        assertEquals(2, r.exit(), r.toString());
        assertEquals(labels + ":3: field key: key must be 32 hex digits (spaces, '-' or ':' between them allowed), "
                + "got 30 characters\n", r.err());
        assertTrue(r.out().startsWith("Pairing mode open until "), r.out());
        assertTrue(r.out().contains("1 collar(s) waiting to join and 2 cow(s) in line."), r.out());
        assertEquals(List.of(CollarEui.parse(A)), registry.pairingStatus().notJoined());

        Cli status = run("pairing", "status");
        assertTrue(status.out().contains("  waiting  " + A + "\n"), status.out());
        assertTrue(status.out().contains("cows still without a collar, in order: 7019, 7020"), status.out());

        Cli close = run("pairing", "close");
        assertEquals(0, close.exit(), close.toString());
        assertFalse(registry.pairingStatus().open());
    }

    @Test
    void api_malformedPairingModeRequests_areAnswered400NamingTheField() {
        ApiClient api = ApiClient.forDataDir(java.net.URI.create(url), dataDir);

        ApiResponse notArray = api.post("/api/pairing-mode", "{\"labels\": {\"eui\": \"" + A + "\"}}");
        ApiResponse badKey = api.post("/api/pairing-mode", "{\"labels\": [{\"eui\": \"" + A + "\", \"key\": \""
                + KEY_A.substring(1) + "\"}]}");
        ApiResponse badMinutes = api.post("/api/pairing-mode", "{\"minutes\": 0}");
        ApiResponse notJson = api.put("/api/collars/" + A + "/pairing", "{\"cow\": \"7019\", \"key\": \"" + KEY_A);

        assertEquals(400, notArray.status(), notArray.body());
        assertTrue(notArray.body().contains("field labels: an array expected"), notArray.body());
        assertEquals(400, badKey.status(), badKey.body());
        assertTrue(badKey.body().contains("field labels[0].key: key must be 32 hex digits"), badKey.body());
        assertEquals(400, badMinutes.status());
        assertTrue(badMinutes.body().contains("field minutes: a whole number 1..720 expected"), badMinutes.body());
        assertEquals(400, notJson.status());
        for (ApiResponse r : List.of(badKey, notJson)) {
            assertFalse(r.body().toUpperCase(Locale.ROOT).contains(KEY_A.substring(1)), "a key was echoed: " + r.body());
        }
        assertFalse(registry.pairingStatus().open());
    }

    @Test
    void commands_withTheGatewayDown_sayHowToReachIt() {
        gateway.close();

        Cli r = run("unpair", "--collar", A);

        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("herdgate unpair: gateway not reachable at http://127.0.0.1:"), r.err());
    }

    @Test
    void commands_withAWrongToken_sayTheTokenWasRefused() throws IOException {
        Files.writeString(dataDir.resolve("api-token"), "stale-token-of-another-gateway\n");

        Cli r = run("pairing", "status");

        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("herdgate pairing status: missing or wrong bearer token; the token is in "),
                r.err());
    }

    @Test
    void collars_withoutADatabase_failsNamingTheFile() {
        Cli r = Cli.run("collars", "--data-dir", dataDir.resolve("nowhere").toString());

        assertEquals(1, r.exit());
        assertEquals("herdgate collars: no database at " + dataDir.resolve("nowhere").resolve("herdgate.db")
                + ": has the gateway run yet? (--data-dir DIR)\n", r.err());
    }
}
