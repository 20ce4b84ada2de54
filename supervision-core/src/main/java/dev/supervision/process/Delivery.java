package dev.supervision.process;

/**
 * Where a send or a cast goes: resolves the reference and puts the message in the mailbox of the
 * process it names now, or hands it to the {@link Distribution} when it names a process of another
 * node. A message from a process that has already been killed is dropped, so a dead process can send
 * nothing more.
 */
final class Delivery {

    private final ProcessTable table;
    private final Pid external;

    Delivery(ProcessTable table, Pid external) {
        this.table = table;
        this.external = external;
    }

    /** Erlang's {@code Dest ! Msg}: a dead pid drops it, a local name nobody holds is an error. */
    void send(ProcessRef ref, Object message) {
        ProcessRef to = table.pin(ref);
        ProcessCell cell = table.resolve(to);
        if (cell != null) {
            if (!ProcessCell.currentIsDead()) {
                cell.deliver(message);
            }
            return;
        }
        if (to instanceof ProcessName) {
            throw new NoProcessException(to);
        }
        elsewhere(to, message);
    }

    /** Erlang's {@code gen_server:cast}: never fails, whether or not anybody is there. */
    void cast(ProcessRef ref, Object message) {
        ProcessRef to = table.pin(ref);
        ProcessCell cell = table.resolve(to);
        if (cell != null) {
            if (!ProcessCell.currentIsDead()) {
                cell.deliver(new Cast(message));
            }
            return;
        }
        elsewhere(to, new Cast(message));
    }

    /** A message for no local process: to the distribution when it names another node's, else dropped. */
    private void elsewhere(ProcessRef to, Object message) {
        Distribution distribution = table.distribution();
        if (distribution != null && to.isRemote() && !ProcessCell.currentIsDead()) {
            distribution.send(senderIn(table, external), to, message);
        }
    }

    /** The calling process when it belongs to {@code table}'s runtime, else {@code external}. */
    static Pid senderIn(ProcessTable table, Pid external) {
        ProcessCell self = ProcessCell.current();
        return self != null && self.runtime.table == table ? self.pid : external;
    }
}
