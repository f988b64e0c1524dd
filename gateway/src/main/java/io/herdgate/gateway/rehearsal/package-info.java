/**
 * The alarm path rehearsed at start: a few made-up critical alarms go through the same desk, outbox, delivery
 * workers and WhatsApp channel code as a farmer's, on a scratch database and against a stand-in API on the
 * loopback interface, so that the first real alarm does not pay for loading and linking that code. Nothing
 * leaves the gateway and nothing is written to its database.
 */
package io.herdgate.gateway.rehearsal;
