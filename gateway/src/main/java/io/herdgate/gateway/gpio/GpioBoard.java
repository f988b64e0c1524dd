package io.herdgate.gateway.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * The gateway's pins, opened together: {@link #statusLed()}, {@link #siren()} and {@link #pairingButton()}.
 * A daemon thread refreshes the LED pattern and samples the button every {@value StatusLed#REFRESH_MILLIS}
 * ms. {@link #close()} silences the siren, turns the LED off and releases the pins (idempotent).
 */
public final class GpioBoard implements AutoCloseable {

    static final String LED_ID = "status-led";
    static final String SIREN_ID = "siren";
    static final String BUTTON_ID = "pairing-button";

    private final Context pi4j;
    private final GpioPlatform platform;
    private final StatusLed led;
    private final RelaySiren siren;
    private final PairingButton button;
    private final ScheduledExecutorService ticker;
    private final AtomicBoolean closed = new AtomicBoolean();

    private GpioBoard(Context pi4j, GpioPlatform platform, GpioSettings settings, LongSupplier nanoTicker,
                      boolean background) {
        this.pi4j = pi4j;
        this.platform = platform;
        DigitalOutput ledPin = pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(LED_ID).name("status LED")
                .address(settings.statusLed().number()).initial(DigitalState.LOW).shutdown(DigitalState.LOW));
        DigitalState silent = RelaySiren.silentLevel(settings.sirenActiveHigh());
        DigitalOutput sirenPin = pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(SIREN_ID).name("siren relay")
                .address(settings.siren().number()).initial(silent).shutdown(silent));
        DigitalInput buttonPin = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(BUTTON_ID).name("pairing button")
                .address(settings.button().number()).pull(PullResistance.PULL_UP));
        if (buttonPin instanceof MockDigitalInput mock) {
            mock.mockState(DigitalState.HIGH); // the pull-up's idle level; a mock pin starts low
        }
        this.led = new StatusLed(ledPin, nanoTicker);
        this.siren = new RelaySiren(sirenPin, settings.sirenActiveHigh());
        this.button = new PairingButton(settings.debounce(), settings.longPress(), nanoTicker);
        buttonPin.addListener(e -> button.edge(e.state() == DigitalState.LOW));
        if (background) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gpio");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(() -> tick(buttonPin), 0, StatusLed.REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /**
     * Opens the pins on the platform the settings name ({@link GpioPlatform#AUTO}: a Raspberry Pi when
     * {@code /proc/device-tree/model} says so, else the mock), logging the choice once.
     *
     * @throws GpioException when the pins cannot be claimed (in use, no permission for /dev/gpiochip0)
     */
    public static GpioBoard open(GpioSettings settings) {
        return open(settings, GpioPlatform.MODEL_FILE, System::nanoTime, true);
    }

    /** As {@link #open(GpioSettings)}, with the model file, the monotonic time source and whether a thread drives the LED and samples the button (tests drive {@link #tick()} themselves). */
    static GpioBoard open(GpioSettings settings, Path modelFile, LongSupplier nanoTicker, boolean background) {
        Objects.requireNonNull(settings, "settings");
        GpioPlatform platform = settings.platform().resolve(modelFile);
        Context pi4j = null;
        try {
            pi4j = platform == GpioPlatform.RASPBERRY_PI
                    ? Pi4J.newContextBuilder().add(GpioDDigitalInputProvider.newInstance(),
                            GpioDDigitalOutputProvider.newInstance()).build()
                    : Pi4J.newContextBuilder().add(new MockPlatform()).add(MockDigitalInputProvider.newInstance(),
                            MockDigitalOutputProvider.newInstance()).build();
            GpioBoard board = new GpioBoard(pi4j, platform, settings, nanoTicker, background);
            Logger.info("gpio opened platform={} status_led={} siren={} button={}", platform.name().toLowerCase(
                    Locale.ROOT), settings.statusLed(), settings.siren(), settings.button());
            return board;
        } catch (RuntimeException | LinkageError e) { // LinkageError: libgpiod's native part did not load
            if (pi4j != null) {
                pi4j.shutdown();
            }
            throw new GpioException("cannot open the GPIO pins on " + platform + " (" + e.getMessage() + ")", e);
        }
    }

    public StatusLed statusLed() {
        return led;
    }

    public Siren siren() {
        return siren;
    }

    public PairingButton pairingButton() {
        return button;
    }

    /** The platform actually in use. */
    public GpioPlatform platform() {
        return platform;
    }

    Context pi4j() {
        return pi4j;
    }

    /** One refresh of the LED and one sample of the button. */
    void tick() {
        tick(pi4j.getIO(BUTTON_ID));
    }

    private void tick(DigitalInput buttonPin) {
        try {
            led.refresh();
            button.edge(buttonPin.state() == DigitalState.LOW);
        } catch (RuntimeException e) { // keep ticking; a dead ticker would freeze the LED silently
            Logger.error(e, "gpio tick failed");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (ticker != null) {
                ticker.shutdownNow();
            }
            siren.silence();
            pi4j.shutdown();
            Logger.info("gpio closed");
        }
    }
}
