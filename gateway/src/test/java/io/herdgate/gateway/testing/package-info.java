/**
 * Test fixtures on real parts, shared by every gateway test: a real {@code mosquitto} broker on a free
 * loopback port ({@link io.herdgate.gateway.testing.Mosquitto}) and a real {@code socat} pseudo-terminal
 * pair that can be unplugged and plugged back ({@link io.herdgate.gateway.testing.PtyPair}); and small
 * in-process channels that record what they were asked to deliver; the files a gateway starts from
 * ({@link io.herdgate.gateway.testing.GatewayFiles}) and a simulated herd registered in its database
 * ({@link io.herdgate.gateway.testing.RegisteredHerd}). Brokers and
 * serial ports are never mocked. A missing program fails the test when the environment variable
 * {@code CI} is set and skips it with a message otherwise.
 */
package io.herdgate.gateway.testing;
