package dev.supervision.boot.endpoint;

/**
 * A signal to another node's process that the other node refuses: its own {@code supervision}
 * endpoint is read-only. A remote signal needs write access on both nodes; {@code 403} over HTTP.
 */
public class RemoteSignalRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** {@code node} does not accept signals. */
    public RemoteSignalRefusedException(String node) {
        super("node '" + node + "' does not accept signals: its management.endpoint.supervision.access is not"
                + " unrestricted");
    }
}
