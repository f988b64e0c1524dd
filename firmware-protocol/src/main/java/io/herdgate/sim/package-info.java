/**
 * The reference collar simulator: the collar side of herdgate, used by tests, the demo and the
 * benchmarks. {@code motion} synthesises neck-collar accelerometer streams per behaviour, {@code event}
 * holds the injectable episodes (heat, illness, calving, cow down, collar off, radio loss),
 * {@code collar} speaks the wire protocol, {@code herd} runs many collars against a clock.
 * Everything is deterministic for a seed and driven by simulated time.
 */
package io.herdgate.sim;
