package dev.supervision.cluster;

/**
 * One incarnation of a node: its name and the incarnation it got when it started (Erlang's creation).
 * A node that restarts under the same name is a new {@code NodeId}, and pids of the old one stay dead.
 *
 * @param name {@code name@host}
 * @param incarnation a new value each time the node starts
 */
record NodeId(String name, long incarnation) {
}
