package io.herdgate.gateway.notify;

import java.util.Locale;
import java.util.Objects;

/**
 * Who one notification goes to.
 *
 * @param contact  the contact's id in the contacts file
 * @param name     the contact's display name
 * @param phone    where WhatsApp and SMS reach them
 * @param language the language messages are written in (a BCP 47 tag such as {@code de} or {@code pt-BR})
 */
public record Recipient(ContactId contact, String name, PhoneNumber phone, Locale language) {

    public Recipient {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(language, "language");
    }

    public static Recipient of(ContactId contact, String name, PhoneNumber phone, Locale language) {
        return new Recipient(contact, name, phone, language);
    }
}
