/**
 * Joining: a collar proves it holds its root key, the gateway answers with a sealed join accept, and both
 * derive the session keys. {@link io.herdgate.protocol.join.JoinServer} is the gateway side,
 * {@link io.herdgate.protocol.join.CollarJoin} the collar side.
 */
package io.herdgate.protocol.join;
