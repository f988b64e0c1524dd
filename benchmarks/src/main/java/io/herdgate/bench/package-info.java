/** JMH benchmarks of the protocol codec, the detection engine and the gateway pipeline. */
package io.herdgate.bench;
