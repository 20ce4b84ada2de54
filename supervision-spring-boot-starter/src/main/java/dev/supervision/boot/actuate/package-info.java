/**
 * The actuator side: the {@code supervision} endpoint, the health indicator and Micrometer meters. It
 * reads the tree's snapshots and events only. Uses {@code dev.supervision.boot.autoconfigure} and the
 * core.
 */
package dev.supervision.boot.actuate;
