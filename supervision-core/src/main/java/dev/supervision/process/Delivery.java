package dev.supervision.process;

/**
 * Where a send or a cast goes: resolves the reference and puts the message in the mailbox of the
 * process it names now. A message from a process that has already been killed is dropped, so a dead
 * process can send nothing more.
 */
final class Delivery {

    private final ProcessTable table;

    Delivery(ProcessTable table) {
        this.table = table;
    }

    /** Erlang's {@code Dest ! Msg}: a dead pid drops it, a name nobody holds is an error. */
    void send(ProcessRef to, Object message) {
        ProcessCell cell = table.resolve(to);
        if (cell == null && to instanceof ProcessName) {
            throw new NoProcessException(to);
        }
        if (cell != null && !ProcessCell.currentIsDead()) {
            cell.deliver(message);
        }
    }

    /** Erlang's {@code gen_server:cast}: never fails, whether or not anybody is there. */
    void cast(ProcessRef to, Object message) {
        ProcessCell cell = table.resolve(to);
        if (cell != null && !ProcessCell.currentIsDead()) {
            cell.deliver(new Cast(message));
        }
    }
}
