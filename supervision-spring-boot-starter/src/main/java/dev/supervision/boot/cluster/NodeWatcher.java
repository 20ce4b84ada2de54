package dev.supervision.boot.cluster;

import dev.supervision.cluster.ClusterNode;
import dev.supervision.cluster.NodeDown;
import dev.supervision.cluster.NodeUp;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.NoReply;
import dev.supervision.genserver.Result;

/**
 * A process that follows the cluster's membership ({@code net_kernel:monitor_nodes(true)}) into the
 * {@link MemberTable}: it subscribes first, then records the members already connected, so no
 * {@code nodeup} falls between the two.
 */
final class NodeWatcher implements GenServerBehaviour<ClusterNode> {

    private final ClusterNode node;
    private final MemberTable members;

    NodeWatcher(ClusterNode node, MemberTable members) {
        this.node = node;
        this.members = members;
    }

    @Override
    public Init<ClusterNode> init(Object arg) {
        node.monitorNodes(true);
        node.nodes().forEach(this::up);
        return Init.ok(node);
    }

    @Override
    public Result<ClusterNode> handleInfo(Object message, ClusterNode state) {
        switch (message) {
            case NodeUp up -> up(up.node());
            case NodeDown down -> members.down(down.node());
            default -> { }
        }
        return new NoReply<>(state);
    }

    private void up(String name) {
        node.incarnationOf(name).ifPresentOrElse(incarnation -> members.up(name, incarnation),
                () -> members.down(name)); // gone again before we looked: its nodedown follows
    }
}
