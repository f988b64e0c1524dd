package io.herdgate.rules.replay;

/**
 * A run of consecutive input lines naming the same cow.
 *
 * @param cow       the cow id as written
 * @param from      byte offset of the run's first line
 * @param to        byte offset just after the run's last line end
 * @param firstLine 1-based line number of the run's first line
 */
record Segment(String cow, long from, long to, long firstLine) {
}
