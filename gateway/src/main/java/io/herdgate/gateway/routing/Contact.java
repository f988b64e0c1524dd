package io.herdgate.gateway.routing;

import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Recipient;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A person alarms may go to, as in {@code contacts.yaml}.
 *
 * @param id         the id routes refer to
 * @param name       display name
 * @param phone      E.164 number for WhatsApp and SMS
 * @param language   the language of their messages
 * @param role       farmer, herdsman or vet
 * @param optIn      the record of their consent to be messaged
 * @param quietHours when they get only critical alarms, if ever
 */
public record Contact(ContactId id, String name, PhoneNumber phone, Locale language, Role role, OptIn optIn,
                      Optional<QuietHours> quietHours) {

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(optIn, "optIn");
        Objects.requireNonNull(quietHours, "quietHours");
    }

    public static Contact of(ContactId id, String name, PhoneNumber phone, Locale language, Role role, OptIn optIn,
                             Optional<QuietHours> quietHours) {
        return new Contact(id, name, phone, language, role, optIn, quietHours);
    }

    /** The recipient of a notification to this contact. */
    public Recipient recipient() {
        return Recipient.of(id, name, phone, language);
    }
}
