package dev.supervision.cluster;

/**
 * Erlang's {@code {nodedown, Node}}: {@code node} is down, cannot be reached, or never existed.
 *
 * @param node the node's name
 */
public record NodeDown(String node) implements NodeEvent {
}
