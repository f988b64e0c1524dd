/**
 * The audit trail of rule changes: who changed which parameter path from what to what, and when.
 * Sinks are pluggable; an append-only JSON-lines file is provided here.
 */
package io.herdgate.rules.audit;
