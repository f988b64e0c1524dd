package io.herdgate.gateway.whatsapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herdgate.gateway.chart.ChartSource;
import io.herdgate.gateway.chart.Png;
import io.herdgate.gateway.notify.Channel;
import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.Recipient;
import io.herdgate.gateway.store.AlarmId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
 * <p>Throughput and per-recipient pair rate are kept client-side ({@link SendLimiter}); a message
 * held back is {@link DeliveryResult.RetryLater} with the wait. Errors map as {@link ErrorPolicy} says.
 * One delivery makes at most three API calls (chart upload, interactive message, template), each bounded
 * by the settings' timeout.
 * Credentials are never logged. Thread-safe.
 */
public final class WhatsAppChannel implements Channel {

    /** WhatsApp's customer-service window. */
    public static final Duration SERVICE_WINDOW = Duration.ofHours(24);

    private final WhatsAppSettings settings;
    private final TemplateCatalog templates;
    private final ChartSource charts;
    private final MessageLog log;
    private final Clock clock;
    private final SendLimiter limiter;
    private final CloudApi api;

    private WhatsAppChannel(WhatsAppSettings settings, TemplateCatalog templates, ChartSource charts, MessageLog log,
                            Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.charts = Objects.requireNonNull(charts, "charts");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limiter = new SendLimiter(clock, settings.messagesPerSecond(), settings.pairInterval());
        this.api = new CloudApi(settings);
    }

    public static WhatsAppChannel of(WhatsAppSettings settings, TemplateCatalog templates, ChartSource charts,
                                     MessageLog log, Clock clock) {
        return new WhatsAppChannel(settings, templates, charts, log, clock);
    }

    @Override
    public ChannelName name() {
        return ChannelName.WHATSAPP;
    }

    @Override
    public DeliveryResult deliver(Notification n) {
        Recipient to = n.to();
        TemplateUse use = n.content() instanceof Content.AlarmMessage a
                ? TemplateUse.alarm(a.type()) : TemplateUse.dailySummary();
        Optional<MessageTemplate> found = templates.forUse(use);
        if (found.isEmpty()) {
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
        TemplateLanguage language = template.languageFor(TemplateLanguage.forLocale(to.language()));
        List<String> values = TemplateValues.of(template, n.content(), settings.zone(), to.language());
        Optional<AlarmId> alarm = n.content() instanceof Content.AlarmMessage a ? Optional.of(a.alarm()) : Optional.empty();

        Optional<String> mediaId = Optional.empty();
        if (template.imageHeader() && n.content() instanceof Content.AlarmMessage a) {
            CloudApi.Answer upload = api.uploadPng(chart(a.alarm()));
            if (!(upload instanceof CloudApi.Answer.Accepted accepted)) {
                return failed(n, "chart upload", upload);
            }
            mediaId = Optional.of(accepted.id());
        }

        if (windowOpen(to)) {
            String text = template.render(language, values);
            ObjectNode freeForm = alarm.isPresent() && template.buttons()
                    ? Messages.interactive(to.phone(), text, templates.labels(language), alarm.get(), mediaId)
                    : Messages.text(to.phone(), text);
            CloudApi.Answer answer = api.sendMessage(freeForm);
            if (!(answer instanceof CloudApi.Answer.Refused r && r.error().code() == ErrorPolicy.WINDOW_CLOSED)) {
                return finish(n, alarm, answer, freeForm.path("type").asText());
            }
            Logger.info("WhatsApp window of {} closed (131047), sending template {} instead", to.contact(), template.name());
        }
        CloudApi.Answer answer = api.sendMessage(
                Messages.template(to.phone(), template, language, values, mediaId, alarm));
        return finish(n, alarm, answer, "template " + template.name() + " [" + language + "]");
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
}
