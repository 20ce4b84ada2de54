package dev.supervision.process;

/**
 * The node of the server was down, or went down or became unreachable while the call waited
 * (Erlang's {@code {nodedown, Node}}).
 */
public final class NodeDownException extends CallException {

    private static final long serialVersionUID = 1L;

    private final String node;

    /** A call to {@code target} failed because {@code node} is down or unreachable. */
    public NodeDownException(ProcessRef target, String node) {
        super("node " + node + " of " + target + " is down or cannot be reached (nodedown)");
        this.node = node;
    }

    /** The node's name, {@code name@host}. */
    public String node() {
        return node;
    }
}
