package dev.supervision.boot.endpoint;

import dev.supervision.process.MessageRendering;

/** A request named a node that is not a member of the cluster, nor ever was; {@code 404} over HTTP. */
public class UnknownNodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * No node named {@code node} is known.
     *
     * @param node the node as the request named it (quoted escaped, at most 100 characters)
     * @param detail what is known instead
     */
    public UnknownNodeException(String node, String detail) {
        super("no node '" + MessageRendering.escape(node, 100) + "': " + detail);
    }
}
