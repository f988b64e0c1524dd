/**
 * The contract between the alarm side (lifecycle, routing, outbox) and the delivery channels
 * (WhatsApp, SMS): what one outgoing {@link io.herdgate.gateway.notify.Notification} is, what a
 * {@link io.herdgate.gateway.notify.Channel} answers when asked to deliver it, and what a recipient's
 * {@link io.herdgate.gateway.notify.Reply} means. Nothing here knows a provider's wire format.
 */
package io.herdgate.gateway.notify;
