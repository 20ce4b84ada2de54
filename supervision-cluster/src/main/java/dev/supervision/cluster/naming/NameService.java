package dev.supervision.cluster.naming;

import dev.supervision.cluster.codec.Frame.Naming;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.RemoteSignals;

/**
 * A node's global names and process groups together: routes their frames and tells both of the
 * nodes that come up and go down. Made and fed by the node.
 */
public final class NameService {

    private final GlobalNames names;
    private final ProcessGroups groups;

    /** The names and groups of the node that {@code peers}, {@code runtime} and {@code signals} belong to. */
    public NameService(Peers peers, ProcessRuntime runtime, RemoteSignals signals) {
        this.names = new GlobalNames(peers, signals);
        this.groups = new ProcessGroups(peers, runtime, signals);
    }

    /** The global names. */
    public GlobalNames names() {
        return names;
    }

    /** The process groups. */
    public ProcessGroups groups() {
        return groups;
    }

    /** Handles a naming frame from the node of index {@code node}. */
    public void received(int node, Naming frame) {
        switch (frame) {
            case Naming.GroupJoined joined -> groups.received(node, joined);
            case Naming.GroupLeft left -> groups.received(node, left);
            case Naming.GroupsHeld held -> groups.received(node, held);
            default -> names.received(node, frame);
        }
    }

    /** Node {@code node} is up: each side sends the other its own names and memberships. */
    public void nodeUp(int node) {
        names.nodeUp(node);
        groups.nodeUp(node);
    }

    /** Node {@code node} is down: its names and memberships disappear here. */
    public void nodeDown(int node) {
        names.nodeDown(node);
        groups.nodeDown(node);
    }
}
