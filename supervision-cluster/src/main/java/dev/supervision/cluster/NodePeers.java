package dev.supervision.cluster;

import dev.supervision.cluster.codec.Frame;
import dev.supervision.cluster.naming.Peers;
import dev.supervision.cluster.naming.Seniority;
import java.util.List;

/** The node's table and wire as global names and process groups see them. */
final class NodePeers implements Peers {

    private final NodeTable nodes;
    private final Wire wire;

    NodePeers(NodeTable nodes, Wire wire) {
        this.nodes = nodes;
        this.wire = wire;
    }

    @Override
    public List<Integer> connected() {
        return nodes.connectedIndices();
    }

    @Override
    public Seniority seniority(int node) {
        NodeId id = nodes.idOf(node);
        return new Seniority(id.incarnation(), id.name());
    }

    @Override
    public void send(int node, Frame frame) {
        wire.sendTo(node, frame);
    }
}
