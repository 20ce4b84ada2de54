package dev.supervision.boot.cluster;

/**
 * The node could not join its cluster at start-up (its port is taken, its address cannot be bound,
 * ...). Start-up fails with it; the message names the properties involved.
 */
public class ClusterStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Node {@code node} could not bind {@code address:port} or join {@code cluster}. */
    public ClusterStartException(String node, String cluster, String address, int port, RuntimeException cause) {
        super("node " + node + " could not join cluster '" + cluster + "' listening on " + address + ":" + port + ": "
                + cause.getMessage(), cause);
    }
}
