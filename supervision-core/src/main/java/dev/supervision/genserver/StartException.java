package dev.supervision.genserver;

/** A GenServer did not start; thrown by {@link StartResult#orThrow()}, whose message says why. */
public final class StartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient StartResult result;

    StartException(StartResult result) {
        super(describe(result));
        this.result = result;
        if (result instanceof StartResult.Failed failed
                && failed.reason() instanceof dev.supervision.process.ExitReason.Crash crash) {
            initCause(crash.error());
        }
    }

    /** The result that was not a start. */
    public StartResult result() {
        return result;
    }

    private static String describe(StartResult result) {
        return switch (result) {
            case StartResult.Started started -> "started as " + started.pid();
            case StartResult.Ignored ignored -> "the server's init returned ignore";
            case StartResult.AlreadyStarted already -> "the name is already registered to " + already.holder();
            case StartResult.Failed failed -> "the server failed to start: " + failed.reason();
        };
    }
}
