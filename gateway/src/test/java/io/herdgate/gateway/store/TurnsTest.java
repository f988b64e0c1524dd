package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TurnsTest {

    private final Turns turns = new Turns();
    private final List<String> order = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();

    /** Starts a thread that takes the lock, notes its name and lets go; returns once it waits for the lock. */
    private void waiter(String name, boolean ahead) throws InterruptedException {
        Thread t = new Thread(() -> {
            turns.lock(ahead);
            order.add(name);
            turns.unlock();
        }, name);
        t.start();
        threads.add(t);
        while (t.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
    }

    private List<String> releaseAndCollect() throws InterruptedException {
        turns.unlock();
        for (Thread t : threads) {
            t.join(10_000);
        }
        return List.copyOf(order);
    }

    @Test
    void threadsAskingAhead_goBeforeThoseWaitingInOrder_eachClassInItsOrder() throws InterruptedException {
        turns.lock(false);
        waiter("bulk-1", false);
        waiter("alarm-1", true);
        waiter("bulk-2", false);
        waiter("alarm-2", true);

        assertEquals(List.of("alarm-1", "alarm-2", "bulk-1", "bulk-2"), releaseAndCollect());
    }

    @Test
    void aLongRunOfTurnsAhead_letsTheThreadWaitingInOrderGoAfterTheMost() throws InterruptedException {
        turns.lock(false);
        waiter("bulk", false);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < Turns.MOST_AHEAD_IN_A_ROW + 2; i++) {
            waiter("alarm-" + i, true);
            if (i == Turns.MOST_AHEAD_IN_A_ROW) {
                expected.add("bulk");
            }
            expected.add("alarm-" + i);
        }

        assertEquals(expected, releaseAndCollect());
    }

    @Test
    void theHolder_takesTheLockAgainInEitherClass_withoutWaiting() {
        turns.lock(false);
        turns.lock(true);
        turns.unlock();
        turns.unlock();
        turns.lock(true);
        turns.lock(false);
        turns.unlock();
        turns.unlock();
    }
}
