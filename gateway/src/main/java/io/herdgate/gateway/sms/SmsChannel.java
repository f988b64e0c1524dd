package io.herdgate.gateway.sms;

import io.herdgate.gateway.notify.Channel;
import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.ReplyHandler;
import io.herdgate.gateway.store.AlarmId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.tinylog.Logger;

/**
 * SMS through a GSM modem in text mode. Sending: {@code AT+CSMP} (coding, delivery report request),
 * {@code AT+CMGS="<number>"}, the {@code "> "} prompt, the text and Ctrl-Z, then {@code +CMGS: <mr>}; a
 * text longer than one message goes as numbered single messages ({@link SmsSplitter}). Receiving:
 * {@code +CMTI} → {@code AT+CMGR} → reply code ({@link ReplyCodes}) to the {@link ReplyHandler} →
 * {@code AT+CMGD}; messages stored while the gateway was down are handled when the modem is (re)opened.
 * Delivery reports ({@code +CDS}) become {@link DeliveryStatus} values: DELIVERED once
 * every part is delivered, FAILED as soon as one part failed.
 *
 * <p>Modem errors and timeouts are {@link DeliveryResult}s; an unanswered command or a vanished device
 * closes the port, which a background task reopens every {@link SmsSettings#reopenEvery()} and checks
 * with {@code AT} when idle. Parts already sent for a notification key are not sent again when the
 * outbox retries it. Thread-safe; {@link #close()} stops the background task and closes the port.
 */
public final class SmsChannel implements Channel, AutoCloseable {

    /** Remembered keys and last alarms; old entries go first. */
    private static final int MEMORY = 512;

    private final SmsSettings settings;
    private final ReplyHandler replies;
    private final Consumer<DeliveryStatus> statuses;
    private final Clock clock;
    private final Modem modem;
    private final ScheduledExecutorService background;
    /** Parts sent so far per notification key, as {@code +CMGS} references. */
    private final Map<NotificationKey, List<Integer>> progress = lru();
    private final DeliveryReports reports = new DeliveryReports();
    private final Map<PhoneNumber, AlarmId> lastAlarm = lru();
    private final Set<NotificationKey> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean initialised;
    private volatile boolean reportsSupported;
    private volatile boolean pinRejected;

    private SmsChannel(SmsSettings settings, ReplyHandler replies, Consumer<DeliveryStatus> statuses, Clock clock) {
        this.settings = settings;
        this.replies = replies;
        this.statuses = statuses;
        this.clock = clock;
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sms-modem");
            t.setDaemon(true);
            return t;
        });
        this.modem = new Modem(settings.port(), settings.baud(), this::onUnsolicited);
    }

    /**
     * A channel on the modem {@code settings} names; call {@link #start()} to open it.
     *
     * @param replies  takes the reply codes farmers text back
     * @param statuses takes delivery reports; called on the modem's reader thread, must not block
     */
    public static SmsChannel of(SmsSettings settings, ReplyHandler replies, Consumer<DeliveryStatus> statuses,
                                Clock clock) {
        return new SmsChannel(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(replies, "replies"),
                Objects.requireNonNull(statuses, "statuses"), Objects.requireNonNull(clock, "clock"));
    }

    /** Opens the modem now if it is there, and keeps reopening and checking it in the background. */
    public void start() {
        background.execute(this::ensureReady);
        long every = settings.reopenEvery().toMillis();
        background.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** True when the modem is open and set up for text mode. */
    public boolean ready() {
        return modem.isOpen() && initialised;
    }

    @Override
    public ChannelName name() {
        return ChannelName.SMS;
    }

    @Override
    public DeliveryResult deliver(Notification n) {
        if (!inFlight.add(n.key())) {
            return new DeliveryResult.RetryLater(settings.sendTimeout(), "in_progress",
                    "notification " + n.key() + " is being sent right now");
        }
        try {
            return send(n);
        } finally {
            inFlight.remove(n.key());
        }
    }

    private DeliveryResult send(Notification n) {
        List<SmsSplitter.Part> parts = SmsSplitter.split(SmsText.of(n.content(), n.to().language(), settings.zone()),
                settings.maxParts());
        List<Integer> sent;
        synchronized (progress) {
            sent = new ArrayList<>(progress.getOrDefault(n.key(), List.of()));
        }
        if (sent.size() < parts.size()) {
            Optional<DeliveryResult> down = ensureReady();
            if (down.isPresent()) {
                return down.get();
            }
        }
        for (int i = sent.size(); i < parts.size(); i++) {
            Optional<DeliveryResult> failed = sendPart(n.to().phone(), parts.get(i), sent);
            synchronized (progress) {
                progress.put(n.key(), List.copyOf(sent));
            }
            if (failed.isPresent()) {
                return failed.get();
            }
        }
        String providerId = "sms:" + n.key() + ":" + sent.stream().map(String::valueOf).collect(Collectors.joining("+"));
        if (reportsSupported) {
            reports.sent(providerId, sent);
        }
        if (n.content() instanceof Content.AlarmMessage a) {
            synchronized (lastAlarm) {
                lastAlarm.put(n.to().phone(), a.alarm());
            }
        }
        return new DeliveryResult.Sent(providerId);
    }

    /** Sends one part; on success adds its reference to {@code sent}. */
    private Optional<DeliveryResult> sendPart(PhoneNumber to, SmsSplitter.Part part, List<Integer> sent) {
        int fo = reportsSupported ? 49 : 17; // SMS-SUBMIT, relative validity period (+ status report request)
        AtResult r = modem.command("AT+CSMP=" + fo + ",167,0," + part.coding().dcs(), settings.commandTimeout());
        if (r instanceof AtResult.Ok) {
            r = modem.submit("AT+CMGS=\"" + Ucs2Hex.encode(to.e164()) + "\"", Ucs2Hex.encode(part.text()),
                    settings.sendTimeout());
        }
        if (r instanceof AtResult.Ok ok) {
            Optional<Integer> mr = ok.value("+CMGS:").flatMap(SmsChannel::integer);
            if (mr.isEmpty()) {
                return Optional.of(new DeliveryResult.RetryLater(settings.reopenEvery(), "no_reference",
                        "the modem answered OK without +CMGS: <mr>"));
            }
            sent.add(mr.get());
            return Optional.empty();
        }
        return Optional.of(failure(r));
    }

    private DeliveryResult failure(AtResult r) {
        if (r instanceof AtResult.Error e) {
            return ModemErrors.result(e, settings.reopenEvery());
        }
        if (r instanceof AtResult.TimedOut t) {
            modem.reset("no answer to " + t.command() + " within " + t.after().toSeconds() + " s");
            initialised = false;
            return new DeliveryResult.RetryLater(settings.reopenEvery(), "timeout",
                    "the modem did not answer within " + t.after().toSeconds() + " s");
        }
        initialised = false;
        return new DeliveryResult.RetryLater(settings.reopenEvery(), "modem_down", ((AtResult.PortDown) r).reason());
    }

    /** Opens and sets up the modem unless it is ready; empty when ready, else why it cannot be used now. */
    private synchronized Optional<DeliveryResult> ensureReady() {
        if (ready()) {
            return Optional.empty();
        }
        initialised = false;
        Optional<String> problem = modem.open();
        if (problem.isPresent()) {
            return Optional.of(new DeliveryResult.RetryLater(settings.reopenEvery(), "modem_down", problem.get()));
        }
        Duration t = settings.commandTimeout();
        for (String cmd : List.of("ATE0", "AT+CMEE=1")) {
            if (!(modem.command(cmd, t) instanceof AtResult.Ok)) {
                return Optional.of(setupFailed(cmd));
            }
        }
        Optional<DeliveryResult> sim = unlockSim();
        if (sim.isPresent()) {
            modem.reset("SIM not usable");
            return sim;
        }
        if (!(modem.command("AT+CMGF=1", t) instanceof AtResult.Ok)) {
            return Optional.of(setupFailed("AT+CMGF=1"));
        }
        sweep();
        if (!(modem.command("AT+CSCS=\"UCS2\"", t) instanceof AtResult.Ok)) {
            return Optional.of(setupFailed("AT+CSCS=\"UCS2\""));
        }
        // New messages indicated by +CMTI; status reports routed as +CDS where asked and supported.
        reportsSupported = settings.deliveryReports()
                && modem.command("AT+CNMI=2,1,0,1,0", t) instanceof AtResult.Ok;
        if (!reportsSupported && !(modem.command("AT+CNMI=2,1,0,0,0", t) instanceof AtResult.Ok)) {
            Logger.warn("GSM modem on {} does not take AT+CNMI: incoming replies are not seen", settings.port());
        }
        initialised = true;
        Logger.info("GSM modem on {} ready (delivery reports {})", settings.port(), reportsSupported ? "on" : "off");
        return Optional.empty();
    }

    private DeliveryResult setupFailed(String cmd) {
        Logger.warn("GSM modem on {}: '{}' failed", settings.port(), cmd);
        modem.reset(cmd + " failed");
        return new DeliveryResult.RetryLater(settings.reopenEvery(), "modem_setup", "the modem refused " + cmd);
    }

    /**
     * Enters the SIM PIN when the SIM asks for it. A PIN the SIM rejected is never entered again until the
     * gateway restarts: three wrong tries would lock the SIM for its PUK.
     */
    private Optional<DeliveryResult> unlockSim() {
        AtResult r = modem.command("AT+CPIN?", settings.commandTimeout());
        if (!(r instanceof AtResult.Ok ok)) {
            return Optional.of(new DeliveryResult.ChannelDown("sim", "SIM not usable: " + r));
        }
        String state = ok.value("+CPIN:").orElse("");
        if (state.equals("READY")) {
            return Optional.empty();
        }
        if (!state.equals("SIM PIN")) {
            return Optional.of(new DeliveryResult.ChannelDown("sim_locked", "the SIM asks for '" + state
                    + "'; unlock it in a phone"));
        }
        if (settings.simPin().isEmpty() || pinRejected) {
            return Optional.of(new DeliveryResult.ChannelDown("sim_pin", pinRejected
                    ? "the SIM rejected the configured PIN; fix the PIN file and restart"
                    : "the SIM asks for a PIN and none is configured"));
        }
        AtResult entered = modem.command("AT+CPIN=\"" + settings.simPin().get() + "\"", settings.commandTimeout());
        if (entered instanceof AtResult.Ok) {
            return Optional.empty();
        }
        pinRejected = entered instanceof AtResult.Error;
        return Optional.of(new DeliveryResult.ChannelDown("sim_pin", "the SIM rejected the configured PIN"));
    }

    /** Background: reopen a lost modem; check an open one with {@code AT}. */
    private void check() {
        if (!ready()) {
            ensureReady().ifPresent(problem -> Logger.debug("GSM modem on {} not ready: {}", settings.port(), problem));
            return;
        }
        AtResult r = modem.command("AT", settings.commandTimeout());
        if (!(r instanceof AtResult.Ok)) {
            Logger.warn("GSM modem on {} failed its check: {}", settings.port(), r);
            modem.reset("check failed");
            initialised = false;
        }
    }

    private void onUnsolicited(Unsolicited u) {
        if (u instanceof Unsolicited.MessageStored m) {
            try {
                background.execute(() -> readMessage(m.index()));
            } catch (RejectedExecutionException e) {
                // Closing: the message stays on the SIM and is read after the next start.
            }
        } else if (u instanceof Unsolicited.StatusReport s) {
            reports.report(s, clock.instant()).ifPresent(statuses);
        }
    }

    /**
     * Handles and deletes the messages the SIM holds (replies that came while the gateway was down), so
     * that none is lost and the SIM does not fill up. Runs before the UCS2 character set is chosen: the
     * list's {@code "ALL"} is then plain text on every modem, and reply codes are plain ASCII anyway.
     */
    private void sweep() {
        AtResult r = modem.command("AT+CMGL=\"ALL\"", settings.sendTimeout());
        if (!(r instanceof AtResult.Ok ok)) {
            Logger.warn("GSM modem on {}: listing stored SMS failed: {}", settings.port(), r);
            return;
        }
        for (IncomingSms.Stored s : IncomingSms.parseList(ok.lines(), clock.instant())) {
            onIncoming(s.sms());
            delete(s.index());
        }
    }

    private void delete(int index) {
        AtResult d = modem.command("AT+CMGD=" + index, settings.commandTimeout());
        if (!(d instanceof AtResult.Ok)) {
            Logger.warn("GSM modem: deleting SMS {} failed: {}", index, d);
        }
    }

    private void readMessage(int index) {
        AtResult r = modem.command("AT+CMGR=" + index, settings.commandTimeout());
        if (!(r instanceof AtResult.Ok ok)) {
            Logger.warn("GSM modem: reading SMS {} failed: {}", index, r);
            return;
        }
        Optional<IncomingSms> sms = IncomingSms.parse(ok.lines(), clock.instant());
        sms.ifPresentOrElse(this::onIncoming, () -> Logger.warn("GSM modem: SMS {} is unreadable: {}", index, ok.lines()));
        delete(index);
    }

    private void onIncoming(IncomingSms sms) {
        Optional<PhoneNumber> from = sms.phone();
        if (from.isEmpty()) {
            Logger.info("SMS from '{}' ignored: not an international number", sms.sender());
            return;
        }
        Optional<AlarmId> last;
        synchronized (lastAlarm) {
            last = Optional.ofNullable(lastAlarm.get(from.get()));
        }
        ReplyCodes.parse(sms.text(), from.get(), sms.sentAt(), last).ifPresentOrElse(reply -> {
            try {
                replies.onReply(reply);
            } catch (RuntimeException e) {
                Logger.error(e, "reply handler failed for an SMS from {}", from.get());
            }
        }, () -> Logger.info("SMS from {} is no reply code: '{}'", from.get(), sms.text()));
    }

    private static Optional<Integer> integer(String s) {
        try {
            return Optional.of(Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MEMORY;
            }
        };
    }

    @Override
    public void close() {
        background.shutdownNow();
        modem.close();
    }
}
