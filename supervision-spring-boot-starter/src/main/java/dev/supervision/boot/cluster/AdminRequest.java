package dev.supervision.boot.cluster;

import dev.supervision.boot.endpoint.RemoteProcess;
import dev.supervision.boot.endpoint.TreeDescriptor;
import dev.supervision.process.Request;
import java.util.List;

/**
 * What one node asks the {@link SupervisionAdmin} of another: calls that travel through the cluster's
 * codec (the starter allowlists these records and the endpoint's descriptors by itself). Each names
 * the asking node, for the other node's logs.
 */
public sealed interface AdminRequest {

    /** The node that asks. */
    String from();

    /**
     * The answering node's tree.
     *
     * @param from the asking node
     */
    record Tree(String from) implements AdminRequest, Request<TreeDescriptor> {
    }

    /**
     * One process of the answering node.
     *
     * @param from the asking node
     * @param target a registered name, a child id path or a pid, in the answering node's numbering
     */
    record Process(String from, String target) implements AdminRequest, Request<RemoteProcess> {
    }

    /**
     * The nodes the answering node sees connected.
     *
     * @param from the asking node
     */
    record Members(String from) implements AdminRequest, Request<List<String>> {
    }
}
