/**
 * WhatsApp Cloud API: the {@link io.herdgate.gateway.whatsapp.WhatsAppChannel} that sends alarms and
 * summaries (approved templates outside the 24-hour window, interactive messages inside it, activity
 * chart as image header, quick replies carrying the alarm id), the signed
 * {@link io.herdgate.gateway.whatsapp.WhatsAppWebhook} that takes statuses and replies, the
 * {@link io.herdgate.gateway.whatsapp.TemplateCatalog} and the client-side rate limits.
 */
package io.herdgate.gateway.whatsapp;
