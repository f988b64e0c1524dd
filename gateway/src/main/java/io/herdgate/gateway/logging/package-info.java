/**
 * Where the long-running gateway logs: rolling files bounded for an SD card plus warnings on stderr
 * (the journal). The CLI keeps the quiet default of {@code tinylog.properties}. Log lines are one event
 * each, {@code what key=value ...}; secrets (API token, passwords, app secrets) are never logged.
 */
package io.herdgate.gateway.logging;
