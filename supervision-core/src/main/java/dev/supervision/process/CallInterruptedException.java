package dev.supervision.process;

/** The calling thread was interrupted while it waited; its interrupt flag is set again. */
public final class CallInterruptedException extends CallException {

    private static final long serialVersionUID = 1L;

    /** The call to {@code target} was interrupted. */
    public CallInterruptedException(ProcessRef target) {
        super("interrupted while waiting for an answer from " + target);
    }
}
