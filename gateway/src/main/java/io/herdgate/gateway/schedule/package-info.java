/**
 * Time-driven work in the gateway: the {@link io.herdgate.gateway.schedule.Scheduler} (calendar jobs
 * from Quartz cron expressions in the farm's zone, fixed-interval jobs and one-shot deadlines), driven by
 * an injected {@link java.time.Clock} so replay and tests run faster than real time; and the
 * {@link io.herdgate.gateway.schedule.ClockJumpGuard}, which notices the wall clock being stepped (a Pi
 * has no RTC and steps at NTP sync) against a monotonic {@link io.herdgate.gateway.schedule.Ticker}.
 */
package io.herdgate.gateway.schedule;
