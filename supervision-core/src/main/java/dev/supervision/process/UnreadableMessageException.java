package dev.supervision.process;

/**
 * The request or the reply of a call to another node could not be encoded or decoded: its type is
 * not one the receiving node accepts, or its bytes were damaged. The message names the type.
 */
public final class UnreadableMessageException extends CallException {

    private static final long serialVersionUID = 1L;

    /** A call to {@code target} failed because {@code what} could not be encoded or decoded. */
    public UnreadableMessageException(ProcessRef target, String what) {
        super("call to " + target + " failed: " + what);
    }
}
