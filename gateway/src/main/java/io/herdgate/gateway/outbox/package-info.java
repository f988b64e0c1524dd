/**
 * The durable outbox: every {@link io.herdgate.gateway.notify.Notification} is written to SQLite
 * ({@code synchronous=FULL}) before a channel sees it, and {@link io.herdgate.gateway.outbox.OutboxPump}
 * sends what is due, highest priority first, with exponential backoff and jitter, per-recipient holds
 * after a rate limit, and per-channel fallback (WhatsApp, then SMS) driven by the channels'
 * {@link io.herdgate.gateway.notify.DeliveryResult}s. {@link io.herdgate.gateway.outbox.OutboxDelivery} runs
 * the pump on a few workers of its own, woken the moment a notification is queued: different recipients are
 * called at once, one recipient by one worker at a time.
 *
 * <p>Delivery is at least once: a row is committed before any channel sees it, marked {@code in_flight} before
 * a channel call found by the poll (a commit without fsync, which a kill does not lose) and {@code sent} after
 * it; a critical row's first call is taken from the in-memory hand-off right after its commit, without the
 * in-flight mark (it stays {@code pending} until {@code sent}), so that nothing on its way to the provider waits
 * for the database. A process killed between the provider accepting a message and the {@code sent} commit
 * re-sends that one row after restart, so the recipient can see that message twice; nothing is ever lost. The outbox is bounded ({@link io.herdgate.gateway.outbox.OutboxSettings#capacity()});
 * when it fills, lower-priority rows make way for higher ones and the {@link io.herdgate.gateway.outbox.OutboxWatcher}
 * is told, so that the gateway can raise its own alarm. {@link io.herdgate.gateway.outbox.CriticalCalls} counts
 * the critical rows being called, so that the ingest can step aside (briefly, bounded) while they go out.
 */
package io.herdgate.gateway.outbox;
