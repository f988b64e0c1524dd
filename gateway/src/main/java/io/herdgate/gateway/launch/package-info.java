/**
 * How the packaged launcher ({@code /usr/bin/herdgate}) starts the gateway's JVM: the format of its JVM
 * options file ({@code /usr/share/herdgate/jvm.options}), read the way the launcher reads it, so that tools
 * and tests which start the gateway in a JVM of their own run it with the options a farm runs it with.
 */
package io.herdgate.gateway.launch;
