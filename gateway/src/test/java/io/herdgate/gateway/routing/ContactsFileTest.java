package io.herdgate.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.config.GroupName;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactsFileTest {

    static final String FARM = """
            contacts:
              - id: anna
                name: Anna Huber
                phone: "+4915112345678"
                language: de
                role: farmer
                opt-in: {at: 2026-03-01, how: signed form at installation}
                quiet-hours: {from: "22:00", to: "06:00", zone: Europe/Berlin}
              - id: bob
                name: Bob Meier
                phone: "+4915187654321"
                language: en
                role: herdsman
                opt-in: {at: "2026-03-02T09:30:00Z", how: WhatsApp START}
              - id: vet-mueller
                name: Dr. Müller
                phone: "+4930123456789"
                language: de
                role: vet
                opt-in: {at: 2026-03-01, how: practice contract}
            routes:
              - name: urgent
                severity: critical
                chain:
                  - contact: anna
                  - {contact: bob, after: 15m}
                  - {contact: vet-mueller, after: 30m}
                repeat: 10m
                max-repeats: 3
              - name: heifers-heat
                types: [heat]
                groups: [heifers]
                chain:
                  - contact: bob
              - name: everything-else
                chain:
                  - contact: anna
            grouping: {window: 5m}
            flap-damping: {max-raises: 2, window: 3h, hold: 20m}
            critical-types: [no_motion]
            inhibit-grace: 20m
            """;

    @Test
    void farmFile_readsEveryField() {
        RoutingConfig c = ContactsFile.parse(FARM, "contacts.yaml");

        Contact anna = c.contact(ContactId.of("anna")).orElseThrow();
        assertEquals(PhoneNumber.of("+4915112345678"), anna.phone());
        assertEquals(Locale.GERMAN, anna.language());
        assertEquals(Role.FARMER, anna.role());
        assertEquals(OptIn.of(Instant.parse("2026-03-01T00:00:00Z"), "signed form at installation"), anna.optIn());
        assertEquals(Optional.of(QuietHours.of(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneId.of("Europe/Berlin"))),
                anna.quietHours());
        assertEquals(Optional.empty(), c.contact(ContactId.of("bob")).orElseThrow().quietHours());
        assertEquals(Role.VET, c.contact(ContactId.of("vet-mueller")).orElseThrow().role());

        Route urgent = c.route(RouteName.of("urgent")).orElseThrow();
        assertEquals(List.of(EscalationStep.of(ContactId.of("anna"), Duration.ZERO),
                EscalationStep.of(ContactId.of("bob"), Duration.ofMinutes(15)),
                EscalationStep.of(ContactId.of("vet-mueller"), Duration.ofMinutes(30))), urgent.chain());
        assertEquals(Optional.of(Duration.ofMinutes(10)), urgent.repeatEvery());
        assertEquals(3, urgent.maxRepeats());
        assertEquals(Duration.ofMinutes(5), c.groupWindow());
        assertEquals(FlapDamping.of(2, Duration.ofHours(3), Duration.ofMinutes(20)), c.flapDamping());
        assertEquals(Set.of(AlarmType.NO_MOTION), c.criticalTypes());
        assertEquals(Duration.ofMinutes(20), c.inhibitGrace());
    }

    @Test
    void routes_firstMatchWins_byTypeSeverityAndGroup() {
        RoutingConfig c = ContactsFile.parse(FARM, "contacts.yaml");

        assertEquals("urgent", c.routeFor(AlarmType.NO_MOTION, Severity.CRITICAL, Optional.empty()).orElseThrow().name().value());
        assertEquals("heifers-heat", c.routeFor(AlarmType.HEAT, Severity.WARNING, Optional.of(GroupName.of("heifers")))
                .orElseThrow().name().value());
        assertEquals("everything-else", c.routeFor(AlarmType.HEAT, Severity.WARNING, Optional.of(GroupName.of("dry")))
                .orElseThrow().name().value());
        assertEquals("everything-else", c.routeFor(AlarmType.HEAT, Severity.WARNING, Optional.empty())
                .orElseThrow().name().value());
    }

    @Test
    void criticalTypes_defaultToCalvingAndCowDown_andRouteAsCriticalWhateverTheDetectorSays() {
        RoutingConfig c = ContactsFile.parse(FARM.replace("critical-types: [no_motion]\n", ""), "contacts.yaml");

        assertEquals(Severity.CRITICAL, c.severityOf(AlarmType.CALVING, Severity.WARNING));
        assertEquals(Severity.CRITICAL, c.severityOf(AlarmType.NO_MOTION, Severity.INFO));
        assertEquals(Severity.WARNING, c.severityOf(AlarmType.HEAT, Severity.WARNING));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'+4915112345678' -> '0151 1234'|contacts.yaml:4:12: contacts[0].phone: phone number must be E.164",
            "'role: farmer' -> 'role: owner'|contacts.yaml:6:11: contacts[0].role: unknown role 'owner', allowed: farmer, herdsman, vet",
            "'contact: bob, after: 15m' -> 'contact: bobby, after: 15m'|contacts.yaml:26:19: routes[0].chain[1].contact: unknown contact 'bobby', known: anna, bob, vet-mueller",
            "'after: 30m' -> 'after: soon'|contacts.yaml:27:39: routes[0].chain[2].after: 'soon' is not a duration",
            "'zone: Europe/Berlin' -> 'zone: Europe/Bonn'|contacts.yaml:8:53: contacts[0].quiet-hours.zone: Unknown time-zone ID: Europe/Bonn",
            "'types: [heat]' -> 'types: [heats]'|contacts.yaml:31:13: routes[1].types[0]: unknown value 'heats', allowed: heat, illness",
            "'max-repeats: 3' -> 'max-repeat: 3'|contacts.yaml:29:5: routes[0].max-repeat: unknown field, allowed: chain, groups",
            "'how: WhatsApp START' -> 'how: '|contacts.yaml:14:42: contacts[1].opt-in.how: is required",
    })
    void mistake_isReportedWithFileLineColumnFieldAndAllowedValues(String edit, String expected) {
        String[] parts = edit.split("' -> '");
        String text = FARM.replace(parts[0].substring(1), parts[1].substring(0, parts[1].length() - 1));

        ContactsFileException e = assertThrows(ContactsFileException.class, () -> ContactsFile.parse(text, "contacts.yaml"));

        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void severalMistakes_areAllReported() {
        String text = FARM.replace("role: vet", "role: doctor").replace("language: en", "language: 12345678901");

        ContactsFileException e = assertThrows(ContactsFileException.class, () -> ContactsFile.parse(text, "contacts.yaml"));

        assertEquals(2, e.problems().size(), e.getMessage());
    }

    @Test
    void notYaml_isReportedWithItsLine() {
        ContactsFileException e = assertThrows(ContactsFileException.class,
                () -> ContactsFile.parse("contacts:\n  - id: [anna\n", "c.yaml"));

        assertTrue(e.getMessage().startsWith("c.yaml:2:14:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }
}
