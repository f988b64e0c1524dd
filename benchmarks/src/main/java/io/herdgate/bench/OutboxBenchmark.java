package io.herdgate.bench;

import io.herdgate.gateway.notify.Channel;
import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.notify.Recipient;
import io.herdgate.gateway.outbox.Outbox;
import io.herdgate.gateway.outbox.OutboxPump;
import io.herdgate.gateway.outbox.OutboxSettings;
import io.herdgate.gateway.outbox.OutboxWatcher;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.Database;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One notification through the durable outbox on a real SQLite file: written (synchronous=FULL), then
 * claimed in flight, handed to a channel that accepts at once, and marked sent — three fsynced commits.
 * The figure bounds how many alarm messages per second the gateway can push (the channel's own round
 * trip comes on top). Dominated by the fsyncs, so it is the disk's figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OutboxBenchmark {

    private static final Recipient ANNA = Recipient.of(ContactId.of("anna"), "Anna", PhoneNumber.of("+4915112345678"),
            Locale.GERMAN);

    private Path dir;
    private Database db;
    private Outbox outbox;
    private OutboxPump pump;
    private long n;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory(Path.of("."), "outbox-bench");
        db = Database.open(dir.resolve("bench.db"));
        OutboxSettings d = OutboxSettings.defaults();
        outbox = Outbox.open(db, OutboxSettings.of(1_000_000, d.firstRetry(), d.maxRetry(), d.fallbackAfter(),
                d.criticalFallbackAfter(), d.channelDownRecheck(), d.expireAfter(), Duration.ZERO), Clock.systemUTC(),
                OutboxWatcher.none());
        Channel accepting = new Channel() {
            @Override
            public ChannelName name() {
                return ChannelName.WHATSAPP;
            }

            @Override
            public DeliveryResult deliver(Notification x) {
                return new DeliveryResult.Sent("wamid." + x.key());
            }
        };
        pump = OutboxPump.of(outbox, List.of(accepting), Clock.systemUTC(), new SplittableRandom(1));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        db.close();
        ScratchDirs.delete(dir);
    }

    @Benchmark
    public int enqueueAndSend() {
        n++;
        AlarmId alarm = AlarmId.of(n);
        outbox.enqueue(Notification.of(NotificationKey.forAlarm(alarm, ANNA.contact(), 0), ANNA, Priority.CRITICAL,
                new Content.AlarmMessage(alarm, AlarmType.NO_MOTION, Severity.CRITICAL, List.of(CowId.of("17")),
                        Instant.parse("2026-05-01T03:12:00Z"), 0, Map.of("still_min", "95"))), ChannelName.WHATSAPP);
        return pump.pumpDue();
    }
}
