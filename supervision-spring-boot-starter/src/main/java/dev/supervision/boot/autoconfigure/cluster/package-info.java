/**
 * Auto-configuration of the application as a node of a cluster ({@code supervision.cluster.*}),
 * whose runtime classes live in {@code dev.supervision.boot.cluster}.
 */
package dev.supervision.boot.autoconfigure.cluster;
