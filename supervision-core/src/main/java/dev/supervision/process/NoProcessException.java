package dev.supervision.process;

/**
 * There is no process at the target (Erlang's {@code noproc}): a dead or unknown pid, or a name that
 * nobody holds.
 */
public final class NoProcessException extends CallException {

    private static final long serialVersionUID = 1L;

    private final transient ProcessRef target;

    /** Nothing lives at {@code target}. */
    public NoProcessException(ProcessRef target) {
        super(switch (target) {
            case ProcessName name -> "no process registered as " + name + " (it may be restarting; retry or monitor it)";
            case Pid pid -> "no process " + pid + " (it is not alive)";
            case RemoteName remote -> "no process registered as " + remote + " (it may be restarting; retry or monitor it)";
            case GlobalName global -> "no process registered globally as '" + global.name()
                    + "' (it may be restarting; retry or monitor it)";
        });
        this.target = target;
    }

    /** The pid or name that was asked for. */
    public ProcessRef target() {
        return target;
    }
}
