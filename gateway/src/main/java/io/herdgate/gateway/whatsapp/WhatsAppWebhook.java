package io.herdgate.gateway.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herdgate.gateway.http.HttpModule;
import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.Reply;
import io.herdgate.gateway.notify.ReplyHandler;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * The WhatsApp webhook at {@value #PATH}.
 *
 * <p>GET answers Meta's verification handshake: {@code hub.mode=subscribe} with the configured
 * {@code hub.verify_token} gets {@code hub.challenge} back (200), anything else 403.
 *
 * <p>POST is accepted only with a valid {@code X-Hub-Signature-256} over the raw body (401 without
 * one, 403 with a wrong one; nothing is read or changed then). Changes for another business number of
 * the same app are ignored. Statuses are stored per message keeping
 * the furthest state, and each change is passed to the status listener; inbound messages are recorded
 * (opening the 24-hour window), deduplicated on their message id, and button taps and texts
 * ({@link TextReplies}) go to the {@link ReplyHandler} as {@link Reply} values.
 */
public final class WhatsAppWebhook implements HttpModule {

    public static final String PATH = "/webhooks/whatsapp";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Secret appSecret;
    private final Secret verifyToken;
    private final PhoneNumberId phoneNumberId;
    private final MessageLog log;
    private final ReplyHandler replies;
    private final Consumer<DeliveryStatus> statuses;

    private WhatsAppWebhook(WhatsAppSettings settings, MessageLog log, ReplyHandler replies,
                            Consumer<DeliveryStatus> statuses) {
        this.appSecret = settings.appSecret();
        this.verifyToken = settings.verifyToken();
        this.phoneNumberId = settings.phoneNumberId();
        this.log = Objects.requireNonNull(log, "log");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
    }

    /**
     * @param statuses gets each status change of one of our messages (not repeats, not older states)
     */
    public static WhatsAppWebhook of(WhatsAppSettings settings, MessageLog log, ReplyHandler replies,
                                     Consumer<DeliveryStatus> statuses) {
        return new WhatsAppWebhook(settings, log, replies, statuses);
    }

    @Override
    public void register(Javalin app) {
        app.get(PATH, this::verify);
        app.post(PATH, this::receive);
    }

    private void verify(Context ctx) {
        String mode = ctx.queryParam("hub.mode");
        String token = ctx.queryParam("hub.verify_token");
        String challenge = ctx.queryParam("hub.challenge");
        if ("subscribe".equals(mode) && token != null && verifyToken.matches(token) && challenge != null) {
            ctx.contentType("text/plain").result(challenge);
        } else {
            Logger.warn("WhatsApp webhook verification refused (mode '{}')", mode);
            ctx.status(403).result("verification failed");
        }
    }

    private void receive(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        switch (WebhookSignature.verify(appSecret, body, Optional.ofNullable(ctx.header(WebhookSignature.HEADER)))) {
            case MISSING -> {
                Logger.warn("WhatsApp webhook from {} without {}: refused", ctx.ip(), WebhookSignature.HEADER);
                ctx.status(401).result("signature required");
                return;
            }
            case WRONG -> {
                Logger.warn("WhatsApp webhook from {} with a wrong signature: refused", ctx.ip());
                ctx.status(403).result("bad signature");
                return;
            }
            case VALID -> {
                // Read on below.
            }
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            Logger.warn("WhatsApp webhook: signed body is not JSON ({} bytes)", body.length);
            ctx.status(400).result("body is not JSON");
            return;
        }
        for (WebhookEvent event : WebhookPayload.events(root, phoneNumberId)) {
            handle(event);
        }
        ctx.result("ok");
    }

    private void handle(WebhookEvent event) {
        if (event instanceof WebhookEvent.StatusUpdate u) {
            if (log.recordStatus(u.status())) {
                statuses.accept(u.status());
            }
            return;
        }
        Optional<Reply> reply;
        if (event instanceof WebhookEvent.ButtonTap tap) {
            if (!log.recordInbound(tap.id(), tap.from(), tap.at())) {
                return;
            }
            reply = ButtonAction.reply(tap.payload(), tap.from(), tap.at());
        } else if (event instanceof WebhookEvent.Text text) {
            if (!log.recordInbound(text.id(), text.from(), text.at())) {
                return;
            }
            reply = TextReplies.parse(text.body(), text.from(), text.at(), text.context().flatMap(log::alarmOf));
        } else if (event instanceof WebhookEvent.OtherMessage other) {
            log.recordInbound(other.id(), other.from(), other.at());
            reply = Optional.empty();
        } else {
            throw new IllegalStateException("unknown webhook event " + event);
        }
        reply.ifPresent(r -> {
            try {
                replies.onReply(r);
            } catch (RuntimeException e) {
                Logger.error(e, "reply handler failed on {}", r);
            }
        });
    }
}
