/**
 * Distribution: a runtime as a node of a cluster, on JGroups. {@link dev.supervision.cluster.ClusterNode}
 * is the entry point and {@link dev.supervision.cluster.ClusterConfig} its configuration; the rest of
 * the package is the machinery behind them (the node table, the transport, what goes out and what
 * comes in). See docs/distribution.md.
 */
package dev.supervision.cluster;
