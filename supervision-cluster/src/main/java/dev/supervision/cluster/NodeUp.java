package dev.supervision.cluster;

/**
 * Erlang's {@code {nodeup, Node}}: {@code node} is connected.
 *
 * @param node the node's name
 */
public record NodeUp(String node) implements NodeEvent {
}
