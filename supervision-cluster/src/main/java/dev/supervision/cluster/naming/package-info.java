/**
 * Global names (Erlang's {@code global}) and process groups (Erlang's {@code pg}) of a cluster: every
 * node keeps a full replica of both, so lookups are local. A node announces only its own processes'
 * names and memberships and drops those of a node that goes down; the coordinator (the senior node)
 * orders registrations, and a conflict found when partitions heal is settled by {@link
 * dev.supervision.cluster.naming.Seniority}. Reached from {@code ClusterNode}; talks to other nodes
 * only through {@link dev.supervision.cluster.naming.Peers}. See docs/distribution.md.
 */
package dev.supervision.cluster.naming;
