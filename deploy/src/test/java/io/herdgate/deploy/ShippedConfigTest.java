package io.herdgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.routing.ContactsFile;
import io.herdgate.gateway.routing.RoutingConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The files the package installs under /etc/herdgate are read by this build's parsers without a problem. */
class ShippedConfigTest {

    @Test
    void contactsExample_isAValidContactsFile() {
        RoutingConfig routing = ContactsFile.load(Path.of("src/deb/etc/contacts.yaml"));

        assertEquals(3, routing.contacts().size());
        assertTrue(routing.contact(ContactId.of("vet-clinic")).isPresent());
        assertEquals(2, routing.routes().size());
    }
}
