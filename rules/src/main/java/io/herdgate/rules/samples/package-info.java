/**
 * Reading raw 3-axis accelerometer samples from CSV files with an {@code ax,ay,az} header (other columns
 * ignored, any order), streaming each row to a {@link io.herdgate.rules.samples.SampleSink}; bad input is
 * reported as a {@link io.herdgate.rules.samples.CsvOutcome} naming file, line and column.
 */
package io.herdgate.rules.samples;
