package dev.supervision.boot.cluster;

/**
 * Another node as this one has seen it.
 *
 * @param name {@code name@host}
 * @param up whether it is connected now
 * @param incarnation the incarnation it runs, or the last one seen while it is down
 */
public record ClusterMember(String name, boolean up, long incarnation) {
}
