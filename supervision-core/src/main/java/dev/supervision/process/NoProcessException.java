package dev.supervision.process;

/**
 * There is no process at the target (Erlang's {@code noproc}): a dead or unknown pid, or a name that
 * nobody holds.
 */
public final class NoProcessException extends CallException {

    private static final long serialVersionUID = 1L;

    private final transient Object target;

    /** Nothing lives at {@code target} (a {@link Pid} or a registered name). */
    public NoProcessException(Object target) {
        super(target instanceof String name
                ? "no process registered as '" + name + "' (it may be restarting; retry or monitor it)"
                : "no process " + target + " (it is not alive)");
        this.target = target;
    }

    /** The pid or name that was asked for. */
    public Object target() {
        return target;
    }
}
