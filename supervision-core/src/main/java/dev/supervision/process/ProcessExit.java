package dev.supervision.process;

import java.util.Objects;

/**
 * Thrown to end the current process with a reason (Erlang's {@code exit(Reason)}). A process body or
 * handler that throws it exits with {@link #reason()}; any other exception exits it with
 * {@link ExitReason.Crash}.
 *
 * <p>It is also what blocking operations throw when the process they run in has been killed, so the
 * code unwinds; user code should let it pass.
 */
public final class ProcessExit extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ExitReason reason;

    /** Exits with {@code reason}. */
    public ProcessExit(ExitReason reason) {
        super("process exit: " + reason, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The reason the process exits with. */
    public ExitReason reason() {
        return reason;
    }
}
