/**
 * The daily herd summary: what it says ({@link io.herdgate.gateway.summary.HerdSummary}, from the stored
 * alarms), how it reads in each contact's language ({@link io.herdgate.gateway.summary.SummaryText}, SMS
 * text and WhatsApp template parameters), and when it goes out ({@link
 * io.herdgate.gateway.summary.DailySummaryJob}: at the configured time in each subscriber's zone, into the
 * outbox).
 */
package io.herdgate.gateway.summary;
