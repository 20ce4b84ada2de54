package dev.supervision.boot.endpoint;

import java.util.List;
import java.util.Optional;

/**
 * The other nodes of the application's cluster, as the {@code supervision} endpoint reaches them:
 * the members seen, and each node's tree and processes, which that node renders itself. The starter
 * implements it when {@code supervision.cluster.enabled} is true; without a cluster the endpoint has
 * none and shows this node only.
 */
public interface RemoteNodes {

    /** This node's name in the cluster, {@code name@host}. */
    String localName();

    /** This node first, then every other member seen since this node joined, up or down, by name. */
    List<NodeDescriptor> nodes();

    /**
     * The tree of {@code node}, as that node renders it.
     *
     * @throws UnknownNodeException when no member of that name was ever seen
     * @throws NodeUnavailableException when the node is down or does not answer in time
     */
    TreeDescriptor tree(String node);

    /**
     * One process of {@code node} (a registered name, a child id path or a pid there, in that node's
     * numbering), with what a signal to it needs; empty when there is no such process.
     *
     * @throws UnknownNodeException when no member of that name was ever seen
     * @throws NodeUnavailableException when the node is down or does not answer in time
     */
    Optional<RemoteProcess> process(String node, String target);
}
