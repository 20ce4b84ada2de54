package dev.supervision.process;

import java.time.Duration;

/** No answer came within the call's timeout (Erlang's {@code timeout}); a later answer is dropped. */
public final class CallTimeoutException extends CallException {

    private static final long serialVersionUID = 1L;

    private final transient Duration timeout;

    /** A call to {@code target} with {@code request} got no answer within {@code timeout}. */
    public CallTimeoutException(ProcessRef target, Object request, Duration timeout) {
        super("no answer from " + target + " to " + describe(request) + " within " + timeout.toMillis()
                + " ms (the server is busy or stuck; retry later or raise the timeout)");
        this.timeout = timeout;
    }

    /** The timeout that passed. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The request as the message shows it: its type, then its contents escaped and bounded by
     * {@link MessageRendering#standard()} (or the type alone when message contents are not logged).
     */
    static String describe(Object request) {
        MessageRendering rendering = MessageRendering.standard();
        if (request == null || !rendering.contents()) {
            return rendering.render(request);
        }
        return request.getClass().getSimpleName() + " " + rendering.render(request);
    }
}
