package io.herdgate.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.herdgate.gateway.notify.ContactId;
import io.herdgate.rules.alarm.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTest {

    private static final ContactId ANNA = ContactId.of("anna");
    private static final ContactId BOB = ContactId.of("bob");
    private static final ContactId VET = ContactId.of("vet");

    private final Route route = Route.of(RouteName.of("r"), Set.of(), Severity.INFO, Set.of(),
            List.of(EscalationStep.of(ANNA, Duration.ZERO), EscalationStep.of(BOB, Duration.ofMinutes(15)),
                    EscalationStep.of(VET, Duration.ofMinutes(30))), Optional.of(Duration.ofMinutes(10)), 2);

    @Test
    void steps_runThroughTheChain_thenRepeatToEveryoneInIt() {
        assertEquals(5, route.steps());
        assertEquals(List.of(ANNA), route.recipientsOf(0));
        assertEquals(List.of(BOB), route.recipientsOf(1));
        assertEquals(Duration.ofMinutes(30), route.delayBefore(2));
        assertEquals(List.of(ANNA, BOB, VET), route.recipientsOf(3));
        assertEquals(Duration.ofMinutes(10), route.delayBefore(4));
        assertThrows(IllegalArgumentException.class, () -> route.recipientsOf(5));
    }

    @Test
    void withoutRepeat_thereAreNoRepeatSteps() {
        Route once = Route.of(RouteName.of("once"), Set.of(), Severity.INFO, Set.of(),
                List.of(EscalationStep.of(ANNA, Duration.ZERO)), Optional.empty(), 6);

        assertEquals(1, once.steps());
    }
}
