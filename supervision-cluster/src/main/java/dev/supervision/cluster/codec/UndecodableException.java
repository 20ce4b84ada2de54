package dev.supervision.cluster.codec;

/**
 * Bytes that could not be turned into a frame or a payload: a type not on the allowlist (named by
 * {@link #typeName()}), or damaged bytes.
 */
public final class UndecodableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String typeName;

    /** {@code typeName} is the refused type, or null when the bytes themselves were bad. */
    public UndecodableException(String typeName, String message, Throwable cause) {
        super(message, cause);
        this.typeName = typeName;
    }

    /** The type that is not allowlisted, or null when the bytes were bad. */
    public String typeName() {
        return typeName;
    }
}
