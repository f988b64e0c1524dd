package io.herdgate.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.herdgate.gateway.health.LinkState;
import io.herdgate.gateway.health.LinkStatus;
import io.herdgate.gateway.http.ApiAuth;
import io.herdgate.gateway.http.ApiToken;
import io.herdgate.gateway.http.HttpServer;
import io.herdgate.gateway.http.HttpSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console in a real headless Chromium: log in, see the page, log out. */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;
    private HttpServer server;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "the console browser test needs Debian's chromium and chromium-driver "
                    + "(tools/test installs them)";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        PasswordFile.write(PasswordFile.in(dir), PasswordHash.create(ConsoleModuleTest.PASSWORD.toCharArray(), 20_000));
        Clock clock = Clock.fixed(Instant.parse("2026-05-01T06:00:00Z"), ZoneOffset.UTC);
        ConsoleSources sources = ConsoleSources.of(
                () -> List.of(ConsoleAlarm.of("Bella", "heat", clock.instant().minusSeconds(3_600), "activity 2.4x")),
                () -> List.of(ConsoleCollar.of("C-0007", "Bella", Optional.of(clock.instant()), true, OptionalInt.empty())),
                () -> List.of(LinkStatus.of("mqtt", LinkState.RECONNECTING, "broker unreachable")));
        server = HttpServer.start(HttpSettings.loopbackAnyPort(), ApiAuth.of(ApiToken.random()),
                List.of(ConsoleModule.of(ConsoleSettings.defaults(dir, ZoneOffset.UTC), sources, clock)));

        // Selenium warns that it has no DevTools bindings for this Chromium; the test does not use them.
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @Test
    void farmer_logsIn_seesAlarmsCollarsAndLinks_andLogsOut() {
        String base = "http://127.0.0.1:" + server.port();
        browser.get(base + "/console");
        assertEquals(base + "/console/login", browser.getCurrentUrl());

        browser.findElement(By.id("username")).sendKeys("farmer");
        browser.findElement(By.id("password")).sendKeys("wrong password");
        browser.findElement(By.id("submit")).click();
        // A click returns before the posted form's answer has loaded; wait for the page it leads to.
        assertEquals("Wrong user name or password.",
                waitFor().until(d -> d.findElements(By.id("error")).stream().findFirst().orElse(null)).getText());

        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys("farmer");
        browser.findElement(By.id("password")).sendKeys(ConsoleModuleTest.PASSWORD);
        browser.findElement(By.id("submit")).click();

        waitFor().until(d -> d.getCurrentUrl().equals(base + "/console"));
        assertTrue(browser.findElement(By.id("alarms")).getText().contains("Bella heat"),
                browser.findElement(By.id("alarms")).getText());
        assertTrue(browser.findElement(By.id("collars")).getText().contains("C-0007"));
        assertTrue(browser.findElement(By.id("links")).getText().contains("mqtt reconnecting broker unreachable"));
        Cookie session = browser.manage().getCookieNamed(ConsoleModule.COOKIE);
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());

        browser.findElement(By.id("logout")).click();

        waitFor().until(d -> d.getCurrentUrl().equals(base + "/console/login"));
        assertFalse(browser.manage().getCookies().stream().anyMatch(c -> c.getName().equals(ConsoleModule.COOKIE)));
        browser.get(base + "/console");
        assertEquals(base + "/console/login", browser.getCurrentUrl());
    }
}
