package dev.supervision.process;

/**
 * A {@link ProcessRuntime#call call} that could not be answered. The subtype names the cause:
 * {@link CallTimeoutException}, {@link NoProcessException}, {@link ServerExitException},
 * {@link CallingSelfException}, {@link CallInterruptedException}, and for a server on another node
 * {@link NodeDownException} or {@link UnreadableMessageException}.
 */
public abstract sealed class CallException extends RuntimeException
        permits CallTimeoutException, NoProcessException, ServerExitException, CallingSelfException,
                CallInterruptedException, NodeDownException, UnreadableMessageException {

    private static final long serialVersionUID = 1L;

    CallException(String message) {
        super(message);
    }
}
