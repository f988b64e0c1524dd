package io.herdgate.gateway.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herdgate.gateway.chart.ChartSource;
import io.herdgate.gateway.chart.Png;
import io.herdgate.gateway.notify.Channel;
import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Recipient;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.tinylog.Logger;

/**
 * The WhatsApp Cloud API as a {@link Channel}.
 *
 * <p>Each notification is rendered from the template for its use in the recipient's language (closest
 * approved, else English). Alarm templates with an image header carry the alarm's activity chart,
 * uploaded through the media endpoint first and sent by media id. While the recipient's 24-hour
 * customer-service window is open (they wrote to us less than 24 h ago, {@link MessageLog#lastInbound}),
 * the same text goes out as a free-form interactive message with the same reply buttons; when WhatsApp
 * answers 131047 (window closed) the template is sent instead within the same call.
 *
 * <p>Critical alarms must not wait for a chart to be drawn: when the catalog declares a template for
 * {@link TemplateUse.CriticalAlarm} of the alarm's type (no image header), the alarm goes out with it at
 * once, and its chart follows, drawn and sent on a thread of its own ({@link ChartFollowUps}), as the
 * {@link TemplateUse.AlarmChart} template (or, inside the window, an image message with the same caption)
 * once the pair-rate limit lets it. Without such a template a critical alarm carries its chart as any other.
 *
 * <p>Throughput and per-recipient pair rate are kept client-side ({@link SendLimiter}); a message
 * held back is {@link DeliveryResult.RetryLater} with the wait. Errors map as {@link ErrorPolicy} says.
 * One delivery makes at most three API calls (chart upload, interactive message, template), each bounded
 * by the settings' timeout.
 * Credentials are never logged. Thread-safe; {@link #close()} stops the chart worker.
 */
public final class WhatsAppChannel implements Channel, AutoCloseable {

    /** The recipient of the messages rendered (never sent) by {@link #warmUp()}. */
    private static final String WARM_UP_NUMBER = "+15550000000";
    /** WhatsApp's customer-service window. */
    public static final Duration SERVICE_WINDOW = Duration.ofHours(24);
    /** How long, on the gateway's clock, a chart waits for the rate limits to let it go before it is given up. */
    static final Duration CHART_PATIENCE = Duration.ofMinutes(10);
    /** The longest single sleep of a chart waiting for its turn, so that a clock set ahead is seen soon. */
    private static final long TURN_POLL_MS = 250;

    private final WhatsAppSettings settings;
    private final TemplateCatalog templates;
    private final ChartSource charts;
    private final MessageLog log;
    private final Clock clock;
    private final SendLimiter limiter;
    private final CloudApi api;
    private final Predicate<PhoneNumber> optedOut;
    private final ChartFollowUps followUps = new ChartFollowUps();

    private WhatsAppChannel(WhatsAppSettings settings, TemplateCatalog templates, ChartSource charts, MessageLog log,
                            Clock clock, Predicate<PhoneNumber> optedOut) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.charts = Objects.requireNonNull(charts, "charts");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.optedOut = Objects.requireNonNull(optedOut, "optedOut");
        this.limiter = new SendLimiter(clock, settings.messagesPerSecond(), settings.pairInterval());
        this.api = new CloudApi(settings);
    }

    /** A channel whose charts following critical alarms go to everyone (tests, the demo). */
    public static WhatsAppChannel of(WhatsAppSettings settings, TemplateCatalog templates, ChartSource charts,
                                     MessageLog log, Clock clock) {
        return of(settings, templates, charts, log, clock, phone -> false);
    }

    /**
     * A channel; {@code optedOut} tells numbers that answered STOP (the outbox no longer queues for them),
     * so that a chart still following an alarm sent before the STOP is not sent after it.
     */
    public static WhatsAppChannel of(WhatsAppSettings settings, TemplateCatalog templates, ChartSource charts,
                                     MessageLog log, Clock clock, Predicate<PhoneNumber> optedOut) {
        return new WhatsAppChannel(settings, templates, charts, log, clock, optedOut);
    }

    @Override
    public ChannelName name() {
        return ChannelName.WHATSAPP;
    }

    @Override
    public DeliveryResult deliver(Notification n) {
        Recipient to = n.to();
        Optional<MessageTemplate> found = templateFor(n.content());
        if (found.isEmpty()) {
            TemplateUse use = n.content() instanceof Content.AlarmMessage a ? TemplateUse.alarm(a.type())
                    : TemplateUse.dailySummary();
            return new DeliveryResult.Undeliverable("no_template", "no WhatsApp template declared for '" + use.jsonName() + "'");
        }
        MessageTemplate template = found.get();
        Optional<SendLimiter.Wait> wait = limiter.tryAcquire(to.phone());
        if (wait.isPresent()) {
            SendLimiter.Wait w = wait.get();
            return new DeliveryResult.RetryLater(w.after(), w.limit() == SendLimiter.Limit.PAIR_RATE
                    ? Integer.toString(ErrorPolicy.PAIR_RATE) : Integer.toString(ErrorPolicy.THROUGHPUT),
                    "held back by the gateway's " + w.limit().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " limit");
        }
        Optional<AlarmId> alarm = n.content() instanceof Content.AlarmMessage a ? Optional.of(a.alarm()) : Optional.empty();
        Optional<String> mediaId = Optional.empty();
        if (template.imageHeader() && alarm.isPresent()) {
            CloudApi.Answer upload = api.uploadPng(chart(alarm.get()));
            if (!(upload instanceof CloudApi.Answer.Accepted accepted)) {
                return failed(n, "chart upload", upload);
            }
            mediaId = Optional.of(accepted.id());
        }
        Optional<String> media = mediaId;
        DeliveryResult result = send(n, template, mediaId, alarm, (language, text) -> alarm.isPresent() && template.buttons()
                ? Messages.interactive(to.phone(), text, templates.labels(language), alarm.get(), media)
                : Messages.text(to.phone(), text));
        if (result instanceof DeliveryResult.Sent && template.use() instanceof TemplateUse.CriticalAlarm
                && n.content() instanceof Content.AlarmMessage a) {
            templates.forUse(TemplateUse.alarmChart()).ifPresent(chartTemplate ->
                    followUps.submit(a.alarm(), to.phone(), () -> sendChart(n, a, chartTemplate)));
        }
        return result;
    }

    /**
     * Readies the send path before the first alarm needs it and checks the configuration: renders every alarm
     * template (critical and not) into a message that is serialised and thrown away, so the classes a send
     * uses are loaded, then asks the API for the business number's own node ({@code GET
     * /{version}/{phone-number-id}}), which opens the connection the next message reuses. Blocks for one API
     * call (at most the settings' timeout); the runtime calls it on a thread of its own once the gateway is
     * healthy. Logs what it found; a refused token is an error the installer has to fix.
     */
    public ApiCheck warmUp() {
        rehearse();
        long start = System.nanoTime();
        CloudApi.Answer answer = api.phoneNumber();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        ApiCheck check = check(answer, took);
        if (check instanceof ApiCheck.Ready r) {
            Logger.info("WhatsApp API ready: sending as {} ({}, quality {}), first call {} ms", r.displayPhoneNumber(),
                    r.verifiedName(), r.qualityRating(), took.toMillis());
        } else if (check instanceof ApiCheck.Refused r) {
            Logger.error("WhatsApp API refused the gateway: {}", check.healthNote().orElse(r.error().message()));
        } else if (check instanceof ApiCheck.Unreachable u) {
            Logger.warn("WhatsApp API not reachable at start ({}: {}); alarms are queued and retried", u.code(), u.reason());
        }
        return check;
    }

    private ApiCheck check(CloudApi.Answer answer, Duration took) {
        if (answer instanceof CloudApi.Answer.Accepted a) {
            try {
                JsonNode node = CloudApi.parse(a.id());
                return new ApiCheck.Ready(node.path("display_phone_number").asText("?"), node.path("verified_name").asText("?"),
                        node.path("quality_rating").asText("?"), took);
            } catch (IOException e) {
                return new ApiCheck.Unreachable("malformed", "phone number answer is not JSON");
            }
        }
        if (answer instanceof CloudApi.Answer.Refused r) {
            // Judged as a send's answer would be: what a send would retry is not a refusal.
            GraphError e = r.error();
            return ErrorPolicy.result(e, settings.pairInterval()) instanceof DeliveryResult.RetryLater
                    ? new ApiCheck.Unreachable(Integer.toString(e.httpStatus()), e.message()) : new ApiCheck.Refused(e);
        }
        CloudApi.Answer.Unreachable u = (CloudApi.Answer.Unreachable) answer;
        return new ApiCheck.Unreachable(u.code(), u.reason());
    }

    /** Renders and serialises a message from every alarm template, sending none. */
    private void rehearse() {
        Recipient to = Recipient.of(ContactId.of("warm-up"), "warm-up", PhoneNumber.of(WARM_UP_NUMBER), Locale.ENGLISH);
        for (AlarmType type : AlarmType.values()) {
            for (Severity sev : List.of(Severity.CRITICAL, Severity.WARNING)) {
                Content.AlarmMessage content = new Content.AlarmMessage(AlarmId.of(1), type, sev, List.of(CowId.of("0")),
                        clock.instant(), 0, Map.of());
                templateFor(content).ifPresent(t -> {
                    TemplateLanguage language = t.languageFor(TemplateLanguage.forLocale(to.language()));
                    List<String> values = TemplateValues.of(t, content, settings.zone(), to.language());
                    t.render(language, values);
                    CloudApi.json(Messages.template(to.phone(), t, language, values,
                            t.imageHeader() ? Optional.of("1") : Optional.empty(), Optional.of(content.alarm())));
                });
            }
        }
    }

    /**
     * The template for {@code content}: for a critical alarm the critical template of its type when there is
     * one, else the alarm type's; the daily summary's.
     */
    private Optional<MessageTemplate> templateFor(Content content) {
        if (content instanceof Content.AlarmMessage a) {
            Optional<MessageTemplate> critical = a.severity() == Severity.CRITICAL
                    ? templates.forUse(TemplateUse.criticalAlarm(a.type())) : Optional.empty();
            return critical.or(() -> templates.forUse(TemplateUse.alarm(a.type())));
        }
        return templates.forUse(TemplateUse.dailySummary());
    }

    /**
     * Sends {@code n} inside the window as the free-form message {@code freeForm} makes of the language and
     * rendered text, else (or when WhatsApp says the window closed) as the template.
     */
    private DeliveryResult send(Notification n, MessageTemplate template, Optional<String> mediaId, Optional<AlarmId> alarm,
                                BiFunction<TemplateLanguage, String, ObjectNode> freeForm) {
        Recipient to = n.to();
        TemplateLanguage language = template.languageFor(TemplateLanguage.forLocale(to.language()));
        List<String> values = TemplateValues.of(template, n.content(), settings.zone(), to.language());
        if (windowOpen(to)) {
            ObjectNode message = freeForm.apply(language, template.render(language, values));
            CloudApi.Answer answer = api.sendMessage(message);
            if (!windowClosed(answer)) {
                return finish(n, alarm, answer, message.path("type").asText());
            }
            Logger.info("WhatsApp window of {} closed (131047), sending template {} instead", to.contact(), template.name());
        }
        CloudApi.Answer answer = api.sendMessage(
                Messages.template(to.phone(), template, language, values, mediaId, alarm));
        return finish(n, alarm, answer, "template " + template.name() + " [" + language + "]");
    }

    /**
     * On the chart worker: waits for the rate limits to let a message to the recipient go (at most
     * {@link #CHART_PATIENCE}), then draws the chart of critical alarm {@code a}, uploads it and sends it.
     */
    private void sendChart(Notification n, Content.AlarmMessage a, MessageTemplate template) {
        if (stoppedSince(n, a)) {
            return;
        }
        if (!awaitTurn(n.to().phone())) {
            Logger.warn("WhatsApp chart of alarm {} to {} given up: the rate limits held it for {}", a.alarm(),
                    n.to().contact(), CHART_PATIENCE);
            return;
        }
        // asked again: a STOP may have come while the chart waited for its turn
        if (stoppedSince(n, a)) {
            return;
        }
        // Drawn only now, a pair interval after the alarm went out: drawing at once took CPU, the database and
        // young collections from the critical alarms raised with this one, still on their way to the API.
        byte[] png = chart(a.alarm());
        CloudApi.Answer upload = api.uploadPng(png);
        if (!(upload instanceof CloudApi.Answer.Accepted accepted)) {
            failed(n, "chart upload", upload);
            return;
        }
        send(n, template, Optional.of(accepted.id()), Optional.of(a.alarm()),
                (language, caption) -> Messages.image(n.to().phone(), accepted.id(), caption));
    }

    /** Whether the recipient of {@code n} has answered STOP since alarm {@code a}; logs it when so. */
    private boolean stoppedSince(Notification n, Content.AlarmMessage a) {
        if (!optedOut.test(n.to().phone())) {
            return false;
        }
        Logger.info("WhatsApp chart of alarm {} not sent: {} answered STOP since the alarm", a.alarm(), n.to().contact());
        return true;
    }

    /**
     * Waits until the send limiter lets a message to {@code to} go and takes that turn; false after
     * {@link #CHART_PATIENCE} of the gateway's clock, or when interrupted (the channel closes).
     */
    private boolean awaitTurn(PhoneNumber to) {
        Instant deadline = clock.instant().plus(CHART_PATIENCE);
        while (true) {
            Optional<SendLimiter.Wait> wait = limiter.tryAcquire(to);
            if (wait.isEmpty()) {
                return true;
            }
            if (clock.instant().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(TURN_POLL_MS, wait.get().after().toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static boolean windowClosed(CloudApi.Answer answer) {
        return answer instanceof CloudApi.Answer.Refused r && r.error().code() == ErrorPolicy.WINDOW_CLOSED;
    }

    /** The alarm's chart, or the no-chart picture when there is none or it cannot be drawn. */
    private byte[] chart(AlarmId alarm) {
        try {
            return charts.chart(alarm).map(Png::bytes).orElseGet(NoChartImage::png);
        } catch (RuntimeException e) {
            Logger.warn("no chart for alarm {}: {}", alarm, e.getMessage());
            return NoChartImage.png();
        }
    }

    private boolean windowOpen(Recipient to) {
        Instant now = clock.instant();
        return log.lastInbound(to.phone()).map(at -> Duration.between(at, now).compareTo(SERVICE_WINDOW) < 0).orElse(false);
    }

    private DeliveryResult finish(Notification n, Optional<AlarmId> alarm, CloudApi.Answer answer, String form) {
        if (answer instanceof CloudApi.Answer.Accepted a) {
            MessageId id = MessageId.of(a.id());
            try {
                log.recordSent(id, n.key(), alarm, n.to().phone(), clock.instant());
            } catch (RuntimeException e) {
                // The message is out; a lost record only means a bare "OK" quoting it cannot be matched.
                Logger.error("WhatsApp {} sent as {} but not recorded: {}", n.key(), id, e.getMessage());
            }
            Logger.info("WhatsApp {} sent to {} as {}: {}", n.key(), n.to().contact(), form, id);
            return new DeliveryResult.Sent(id.value());
        }
        return failed(n, form, answer);
    }

    private DeliveryResult failed(Notification n, String what, CloudApi.Answer answer) {
        DeliveryResult result;
        if (answer instanceof CloudApi.Answer.Refused r) {
            result = ErrorPolicy.result(r.error(), settings.pairInterval());
        } else if (answer instanceof CloudApi.Answer.Unreachable u) {
            result = new DeliveryResult.RetryLater(ErrorPolicy.TRANSIENT_WAIT, u.code(), u.reason());
        } else {
            throw new IllegalStateException("an accepted answer is not a failure");
        }
        Logger.warn("WhatsApp {} to {} ({}) not sent: {}", n.key(), n.to().contact(), what, result);
        return result;
    }

    /** Stops the chart worker; charts not yet sent are dropped (their alarms' messages are out). */
    @Override
    public void close() {
        followUps.close();
    }
}
