/** Test fixtures shared by the gateway's tests: real brokers and serial ports, and in-process channels. */
package io.herdgate.gateway.testing;
