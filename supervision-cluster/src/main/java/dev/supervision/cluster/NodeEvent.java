package dev.supervision.cluster;

/**
 * What {@link ClusterNode#monitorNode} and {@link ClusterNode#monitorNodes} deliver: Erlang's
 * {@code {nodeup, Node}} and {@code {nodedown, Node}}.
 */
public sealed interface NodeEvent permits NodeUp, NodeDown {

    /** The node's name, {@code name@host}. */
    String node();
}
