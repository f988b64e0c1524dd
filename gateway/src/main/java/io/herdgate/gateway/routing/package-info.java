/**
 * Who hears about an alarm, when: contacts and routes from {@code contacts.yaml}
 * ({@link io.herdgate.gateway.routing.ContactsFile}), escalation chains and repeats
 * ({@link io.herdgate.gateway.routing.Route}), quiet hours ({@link io.herdgate.gateway.routing.QuietHours}),
 * silences kept in the database ({@link io.herdgate.gateway.routing.Silences}) and flap damping
 * ({@link io.herdgate.gateway.routing.FlapDamper}). Pure decisions and their configuration; sending is the
 * outbox's job and the alarm lifecycle is in {@code io.herdgate.gateway.alarm}.
 */
package io.herdgate.gateway.routing;
