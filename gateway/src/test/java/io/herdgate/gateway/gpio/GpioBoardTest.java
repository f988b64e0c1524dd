package io.herdgate.gateway.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpioBoardTest {

    @TempDir
    Path dir;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<ButtonPress> presses = new ArrayList<>();
    private GpioBoard board;

    @BeforeEach
    void open() {
        board = GpioBoard.open(GpioSettings.defaults().withPlatform(GpioPlatform.MOCK), dir.resolve("none"),
                nanos::get, false);
        board.pairingButton().addListener(presses::add);
    }

    @AfterEach
    void close() {
        board.close();
    }

    private DigitalOutput output(String id) {
        return board.pi4j().getIO(id);
    }

    private MockDigitalInput button() {
        return board.pi4j().getIO(GpioBoard.BUTTON_ID);
    }

    private void advanceMillis(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    private void buttonLevel(DigitalState level, long thenWaitMillis) {
        button().mockState(level);
        advanceMillis(thenWaitMillis);
    }

    @Test
    void siren_activeLowRelay_drivesThePinLowWhileSounding() {
        Siren siren = board.siren();
        assertEquals(DigitalState.HIGH, output(GpioBoard.SIREN_ID).state(), "relay open at start");

        siren.sound();
        siren.sound();
        assertTrue(siren.sounding());
        assertEquals(DigitalState.LOW, output(GpioBoard.SIREN_ID).state());

        siren.silence();
        assertFalse(siren.sounding());
        assertEquals(DigitalState.HIGH, output(GpioBoard.SIREN_ID).state());
    }

    @Test
    void siren_activeHighRelay_drivesThePinHighWhileSounding() {
        board.close();
        GpioSettings d = GpioSettings.defaults();
        board = GpioBoard.open(GpioSettings.of(d.statusLed(), d.siren(), true, d.button(), d.debounce(),
                d.longPress(), GpioPlatform.MOCK), dir.resolve("none"), nanos::get, false);

        assertEquals(DigitalState.LOW, output(GpioBoard.SIREN_ID).state());
        board.siren().sound();
        assertEquals(DigitalState.HIGH, output(GpioBoard.SIREN_ID).state());
    }

    @Test
    void statusLed_heartbeat_flashes100msEveryTwoSeconds() {
        board.tick();
        assertEquals(DigitalState.HIGH, output(GpioBoard.LED_ID).state(), "lit at the start of the cycle");
        advanceMillis(150);
        board.tick();
        assertEquals(DigitalState.LOW, output(GpioBoard.LED_ID).state());
        advanceMillis(1_850);
        board.tick();
        assertEquals(DigitalState.HIGH, output(GpioBoard.LED_ID).state(), "lit again 2 s later");
    }

    @Test
    void statusLed_whileAlarmActive_blinksAt4Hz_andReturnsToHeartbeat() {
        board.statusLed().alarmActive(true);
        List<DigitalState> seen = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            board.tick();
            seen.add(output(GpioBoard.LED_ID).state());
            advanceMillis(125);
        }
        assertEquals(List.of(DigitalState.HIGH, DigitalState.LOW, DigitalState.HIGH, DigitalState.LOW,
                DigitalState.HIGH, DigitalState.LOW, DigitalState.HIGH, DigitalState.LOW), seen);

        board.statusLed().alarmActive(false);
        assertEquals(LedPattern.HEARTBEAT, board.statusLed().pattern());
    }

    @Test
    void button_shortPress_isReportedOnceOnRelease() {
        buttonLevel(DigitalState.LOW, 400);
        assertTrue(board.pairingButton().held());
        assertEquals(List.of(), presses);

        buttonLevel(DigitalState.HIGH, 0);

        assertEquals(List.of(ButtonPress.SHORT), presses);
    }

    @Test
    void button_heldThreeSeconds_isALongPress() {
        buttonLevel(DigitalState.LOW, 3_000);
        buttonLevel(DigitalState.HIGH, 0);

        assertEquals(List.of(ButtonPress.LONG), presses);
    }

    @Test
    void button_contactBounce_countsAsOnePress() {
        for (int i = 0; i < 5; i++) { // bouncing for 10 ms after closing
            buttonLevel(DigitalState.LOW, 1);
            buttonLevel(DigitalState.HIGH, 1);
        }
        buttonLevel(DigitalState.LOW, 500);
        for (int i = 0; i < 5; i++) { // and again on release
            buttonLevel(DigitalState.HIGH, 1);
            buttonLevel(DigitalState.LOW, 1);
        }
        buttonLevel(DigitalState.HIGH, 100);
        board.tick();

        assertEquals(List.of(ButtonPress.SHORT), presses);
    }

    @Test
    void button_releaseHiddenInABounceWindow_isPickedUpByTheNextSample() {
        buttonLevel(DigitalState.LOW, 10);
        buttonLevel(DigitalState.HIGH, 40); // within 30 ms of the press: ignored as bounce
        assertTrue(board.pairingButton().held());

        board.tick();

        assertFalse(board.pairingButton().held());
        assertEquals(List.of(ButtonPress.SHORT), presses);
    }

    @Test
    void close_silencesTheSiren() {
        board.siren().sound();
        DigitalOutput siren = output(GpioBoard.SIREN_ID);

        board.close();

        assertEquals(DigitalState.HIGH, siren.state());
    }

    @Test
    void platform_auto_isRaspberryPiOnlyWhenTheDeviceTreeSaysSo() throws Exception {
        Path model = dir.resolve("model");
        Files.write(model, "Raspberry Pi 4 Model B Rev 1.5\0".getBytes());
        Path other = dir.resolve("other");
        Files.writeString(other, "Generic x86 board");

        assertEquals(GpioPlatform.RASPBERRY_PI, GpioPlatform.AUTO.resolve(model));
        assertEquals(GpioPlatform.MOCK, GpioPlatform.AUTO.resolve(other));
        assertEquals(GpioPlatform.MOCK, GpioPlatform.AUTO.resolve(dir.resolve("missing")));
        assertEquals(GpioPlatform.MOCK, GpioPlatform.MOCK.resolve(model));
        assertEquals(GpioPlatform.MOCK, board.platform());
    }

    @Test
    void settings_samePinTwice_orDebounceOutOfRange_areRejected() {
        GpioSettings d = GpioSettings.defaults();

        IllegalArgumentException same = assertThrows(IllegalArgumentException.class, () -> GpioSettings.of(
                BcmPin.of(17), BcmPin.of(17), false, d.button(), d.debounce(), d.longPress(), GpioPlatform.AUTO));
        IllegalArgumentException debounce = assertThrows(IllegalArgumentException.class, () -> GpioSettings.of(
                d.statusLed(), d.siren(), false, d.button(), Duration.ofSeconds(1), d.longPress(), GpioPlatform.AUTO));

        assertTrue(same.getMessage().startsWith("gpio pins must differ"), same.getMessage());
        assertEquals("gpio.debounce must be 1-500 ms: 1000 ms", debounce.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BcmPin.of(28));
    }
}
