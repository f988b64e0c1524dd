package io.herdgate.gateway.outbox;

import io.herdgate.gateway.notify.Channel;
import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The child process of {@link OutboxKillTest}: opens the outbox in a database file, queues
 * notifications 1..n (idempotent, so a restart adds nothing), prints {@code ready}, and sends them through
 * a "provider" that appends each key to a recipient file and then takes {@code latencyMs} to answer, as
 * an HTTP round trip does. Exits 0 when nothing is left to send.
 *
 * <p>Arguments: database file, recipient file, n, latencyMs.
 */
public final class KilledSender {

    private KilledSender() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path file = Path.of(args[0]);
        Path recipient = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        long latencyMs = Long.parseLong(args[3]);
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(file)) {
            OutboxSettings s = OutboxSettings.of(1000, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(1),
                    Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(1), Duration.ZERO);
            Outbox outbox = Outbox.open(db, s, clock, OutboxWatcher.none());
            for (int i = 1; i <= n; i++) {
                outbox.enqueue(Notifications.alarm(i, Notifications.anna(), 0, Priority.NORMAL), ChannelName.WHATSAPP);
            }
            System.out.println("ready");
            System.out.flush();
            Channel provider = new Channel() {
                @Override
                public ChannelName name() {
                    return ChannelName.WHATSAPP;
                }

                @Override
                public DeliveryResult deliver(Notification note) {
                    try {
                        Files.writeString(recipient, note.key() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                                StandardOpenOption.APPEND);
                        Thread.sleep(latencyMs);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new DeliveryResult.Sent("wamid." + note.key());
                }
            };
            OutboxPump pump = OutboxPump.of(outbox, List.of(provider), clock, new SplittableRandom());
            while (!outbox.unsent().isEmpty()) {
                pump.pumpDue();
                Thread.sleep(5);
            }
        }
    }
}
