package dev.supervision.process;

/** The server ended before it answered; {@link #reason()} is its exit reason. */
public final class ServerExitException extends CallException {

    private static final long serialVersionUID = 1L;

    private final transient Pid server;
    private final transient ExitReason reason;

    /** {@code server} exited with {@code reason} while the call waited. */
    public ServerExitException(ProcessRef target, Pid server, ExitReason reason) {
        super("server " + target + (target.equals(server) ? "" : " (" + server + ")") + " exited with reason "
                + reason + " before it answered");
        this.server = server;
        this.reason = reason;
        if (reason instanceof ExitReason.Crash crash) {
            initCause(crash.error());
        }
    }

    /** The process that ended. */
    public Pid server() {
        return server;
    }

    /** Why it ended. */
    public ExitReason reason() {
        return reason;
    }
}
