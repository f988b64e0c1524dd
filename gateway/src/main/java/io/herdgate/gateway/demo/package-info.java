/**
 * The demo: a simulated herd, speaking the real collar protocol, through the gateway's real ingest
 * pipeline and detection engine, in simulated time that runs as fast as the machine allows.
 */
package io.herdgate.gateway.demo;
