/**
 * The daily herd summary: what it says ({@link io.herdgate.gateway.notify.Content.DailySummary}, built
 * from the stored alarms), how it reads in each contact's language ({@link
 * io.herdgate.gateway.summary.SummaryText}), and when it goes out.
 */
package io.herdgate.gateway.summary;
