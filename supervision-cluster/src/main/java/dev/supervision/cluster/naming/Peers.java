package dev.supervision.cluster.naming;

import dev.supervision.cluster.codec.Frame;
import java.util.List;

/**
 * The other nodes, as global names and process groups see them: who is connected (by node index, 0
 * being this node), how senior each is, and a way to send them a frame. Implemented by the node.
 */
public interface Peers {

    /** The indices of the connected nodes (never 0). */
    List<Integer> connected();

    /** The seniority of the node of index {@code node} (0: this node). */
    Seniority seniority(int node);

    /** Sends {@code frame} to the node of index {@code node}; dropped when it is not connected. */
    void send(int node, Frame frame);

    /** Sends {@code frame} to every connected node. */
    default void broadcast(Frame frame) {
        for (int node : connected()) {
            send(node, frame);
        }
    }

    /** The index of the senior node among this one and the connected ones: the coordinator of registrations. */
    default int coordinator() {
        int senior = 0;
        for (int node : connected()) {
            if (seniority(node).isSeniorTo(seniority(senior))) {
                senior = node;
            }
        }
        return senior;
    }
}
