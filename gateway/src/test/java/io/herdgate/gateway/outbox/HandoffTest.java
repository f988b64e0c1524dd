package io.herdgate.gateway.outbox;

import static io.herdgate.gateway.outbox.Notifications.alarm;
import static io.herdgate.gateway.outbox.Notifications.anna;
import static io.herdgate.gateway.outbox.Notifications.bob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.Priority;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandoffTest {

    private static OutboxEntry row(long id, Notification n) {
        return new OutboxEntry(OutboxId.of(id), n, OutboxState.PENDING, ChannelName.WHATSAPP, Notifications.RAISED, 0,
                Notifications.RAISED, Notifications.RAISED, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void take_returnsTheOldestReadyRow_andSkipsThoseNotReady() {
        Handoff h = new Handoff();
        h.offer(row(1, alarm(1, anna(), 0, Priority.CRITICAL)));
        h.offer(row(2, alarm(2, bob(), 0, Priority.CRITICAL)));
        h.offer(row(3, alarm(3, anna(), 0, Priority.CRITICAL)));

        assertEquals(1, h.take(e -> true).orElseThrow().id().value());
        assertEquals(2, h.take(e -> e.notification().to().equals(bob())).orElseThrow().id().value());
        assertTrue(h.take(e -> e.notification().to().equals(bob())).isEmpty());
        assertEquals(1, h.size());
    }

    @Test
    void rowClaimedByThePollBeforeItsOffer_isNotHandedOutWhenTheOfferComes() {
        Handoff h = new Handoff();
        h.remove(OutboxId.of(7)); // the poll claimed row 7 between its commit and its offer

        assertTrue(h.offer(row(7, alarm(7, anna(), 0, Priority.CRITICAL))));
        assertTrue(h.take(e -> true).isEmpty());
        assertTrue(h.offer(row(8, alarm(8, anna(), 0, Priority.CRITICAL))), "only that row is skipped");
        assertEquals(1, h.size());
    }

    @Test
    void full_refusesTheNextRow() {
        Handoff h = new Handoff();
        for (int i = 1; i <= Handoff.CAPACITY; i++) {
            assertTrue(h.offer(row(i, alarm(i, anna(), 0, Priority.CRITICAL))));
        }
        int next = Handoff.CAPACITY + 1;
        assertFalse(h.offer(row(next, alarm(next, anna(), 0, Priority.CRITICAL))));
        assertEquals(Handoff.CAPACITY, h.size());
    }
}
