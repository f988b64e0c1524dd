/** Test support shared by every module through the protocol module's test jar. */
package io.herdgate.testing;
