package dev.supervision.process;

/** A process called itself, which would wait forever (Erlang's {@code calling_self}). */
public final class CallingSelfException extends CallException {

    private static final long serialVersionUID = 1L;

    /** {@code self} tried to call itself. */
    public CallingSelfException(Pid self) {
        super("process " + self + " called itself, which can never be answered; handle the request directly");
    }
}
