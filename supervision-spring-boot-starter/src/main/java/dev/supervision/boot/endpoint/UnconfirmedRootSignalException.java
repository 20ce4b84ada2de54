package dev.supervision.boot.endpoint;

/**
 * A signal to the root supervisor without {@code "confirm": "root"}: it would stop the whole tree, so
 * the endpoint refuses it ({@code 409} over HTTP) and says how to confirm.
 */
public class UnconfirmedRootSignalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The value of {@code confirm} that lets a signal reach the root supervisor. */
    public static final String CONFIRMATION = "root";

    /** A refusal of {@code signal} to the root supervisor. */
    public UnconfirmedRootSignalException(String signal) {
        super("'" + signal + "' to the root supervisor stops the whole tree (on-root-failure then applies);"
                + " to do it anyway, send {\"signal\": \"" + signal + "\", \"confirm\": \"" + CONFIRMATION + "\"}");
    }
}
