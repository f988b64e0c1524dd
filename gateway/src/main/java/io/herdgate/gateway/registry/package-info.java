/**
 * The live collar registry: which collars the gateway knows (with their root keys), which cow wears
 * each, pairing and unpairing while the gateway runs, the installer's pairing mode (admitting the next
 * joins of collars whose labels were loaded), collar labels read from CSV, and the collar table the
 * installer sees. Backed by the gateway store ({@code Collars}, {@code PairingHistory}); the frame
 * pipeline reads it as its {@link io.herdgate.gateway.ingest.CollarDirectory}. Root keys never leave
 * this package in text form except into the database.
 */
package io.herdgate.gateway.registry;
