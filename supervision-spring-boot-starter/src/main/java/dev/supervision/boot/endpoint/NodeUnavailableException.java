package dev.supervision.boot.endpoint;

import dev.supervision.process.MessageRendering;

/**
 * A node of the cluster could not answer: it is down, it did not answer within the timeout, or it
 * answered nothing this node can read. {@code 504} over HTTP for a timeout, {@code 503} otherwise.
 */
public class NodeUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String node;
    private final boolean timedOut;

    /**
     * {@code node} could not answer.
     *
     * @param node the node
     * @param why what happened, e.g. {@code is down}
     * @param timedOut whether it did not answer in time (rather than being known down)
     */
    public NodeUnavailableException(String node, String why, boolean timedOut) {
        super("node '" + MessageRendering.escape(node, 100) + "' " + why);
        this.node = node;
        this.timedOut = timedOut;
    }

    /** The node. */
    public String node() {
        return node;
    }

    /** Whether it did not answer within the timeout. */
    public boolean timedOut() {
        return timedOut;
    }
}
