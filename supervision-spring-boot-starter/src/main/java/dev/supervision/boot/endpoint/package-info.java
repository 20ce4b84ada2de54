/**
 * The {@code supervision} actuator endpoint: the tree, one process, and exit signals for failure
 * drills, as descriptor records that read the same over HTTP and JMX. It reads the tree's snapshots
 * only. Configured by {@code dev.supervision.boot.autoconfigure.endpoint}; uses
 * {@code dev.supervision.boot} and the core.
 */
package dev.supervision.boot.endpoint;
