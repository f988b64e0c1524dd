/**
 * The {@code herdgate} command line: one picocli subcommand class per verb, each with its own
 * {@code --help}. Commands print results to stdout and user errors (never stack traces) to stderr.
 */
package io.herdgate.gateway.cli;
