package io.herdgate.gateway.testing;

import io.herdgate.gateway.notify.Channel;
import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.Notification;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An in-process channel for tests: answers each delivery with what its script says (by default
 * {@code Sent}) and records every call with the clock's time. Thread-safe.
 */
public final class ScriptedChannel implements Channel {

    /** One call: what was asked, when, and what was answered. */
    public record Call(Notification notification, Instant at, DeliveryResult result) {
    }

    private final ChannelName name;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final List<Call> calls = new ArrayList<>();
    private volatile Function<Notification, DeliveryResult> script;

    private ScriptedChannel(ChannelName name, Clock clock) {
        this.name = name;
        this.clock = clock;
        this.script = n -> new DeliveryResult.Sent(name + "-" + ids.incrementAndGet());
    }

    /** A channel that accepts everything. */
    public static ScriptedChannel accepting(ChannelName name, Clock clock) {
        return new ScriptedChannel(name, clock);
    }

    /** From now on answers with {@code script}. */
    public ScriptedChannel answer(Function<Notification, DeliveryResult> script) {
        this.script = script;
        return this;
    }

    /** From now on accepts everything again. */
    public ScriptedChannel accept() {
        return answer(n -> new DeliveryResult.Sent(name + "-" + ids.incrementAndGet()));
    }

    @Override
    public ChannelName name() {
        return name;
    }

    @Override
    public synchronized DeliveryResult deliver(Notification n) {
        DeliveryResult r = script.apply(n);
        calls.add(new Call(n, clock.instant(), r));
        return r;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls the channel accepted, in order. */
    public synchronized List<Notification> sent() {
        return calls.stream().filter(c -> c.result() instanceof DeliveryResult.Sent).map(Call::notification).toList();
    }
}
