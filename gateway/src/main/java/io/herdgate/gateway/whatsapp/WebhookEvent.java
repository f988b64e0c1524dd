package io.herdgate.gateway.whatsapp;

import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.PhoneNumber;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One thing a WhatsApp webhook reports. */
public sealed interface WebhookEvent {

    /** A delivery status of one of our messages; {@code errorCode} is set for {@code failed}. */
    record StatusUpdate(DeliveryStatus status, Optional<Integer> errorCode) implements WebhookEvent {
        public StatusUpdate {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(errorCode, "errorCode");
        }
    }

    /** A farmer tapped a button: {@code payload} is the template quick reply's payload or the reply button's id. */
    record ButtonTap(MessageId id, PhoneNumber from, Instant at, String payload, Optional<MessageId> context)
            implements WebhookEvent {
        public ButtonTap {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(context, "context");
        }
    }

    /** A farmer wrote text; {@code context} is the message of ours they replied to, if any. */
    record Text(MessageId id, PhoneNumber from, Instant at, String body, Optional<MessageId> context)
            implements WebhookEvent {
        public Text {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(context, "context");
        }
    }

    /** Any other inbound message (image, voice, reaction...): it still opens the 24-hour window. */
    record OtherMessage(MessageId id, PhoneNumber from, Instant at, String type) implements WebhookEvent {
        public OtherMessage {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(type, "type");
        }
    }
}
