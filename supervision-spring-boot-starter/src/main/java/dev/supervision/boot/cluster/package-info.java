/**
 * The application as a node of a cluster: its membership (joined before the tree starts, left after
 * it stopped), the members it has seen, and the {@code supervision_admin} server through which other
 * nodes' endpoints show this node's tree. Configured by
 * {@code dev.supervision.boot.autoconfigure.cluster}; uses {@code supervision-cluster},
 * {@code dev.supervision.boot} and {@code dev.supervision.boot.endpoint}.
 */
package dev.supervision.boot.cluster;
