package dev.supervision.process;

/**
 * Brings new processes to life in one runtime: puts them in the table with their name, links them to
 * their parent, publishes the spawn, and starts them (on a thread of their own, or, for a
 * mailbox-driven process whose start is synchronous anyway, on the caller's thread).
 */
final class Spawner {

    private final ProcessRuntime runtime;
    private volatile boolean closed;

    Spawner(ProcessRuntime runtime) {
        this.runtime = runtime;
    }

    /** From now on nothing can be spawned. */
    void close() {
        closed = true;
    }

    Pid launch(ProcessCell cell, SpawnOptions options) {
        if (closed) {
            throw new IllegalStateException("the runtime is closed: no process can be spawned on it");
        }
        ProcessCell current = ProcessCell.current();
        ProcessCell parent = null;
        if (options.link()) {
            if (current == null || current.runtime != runtime) {
                throw new IllegalStateException("spawning with a link works only inside a process of this runtime;"
                        + " the calling thread " + Thread.currentThread() + " is not one");
            }
            parent = current;
        }
        runtime.table.add(cell, options.name());
        if (parent != null && !ProcessCell.link(parent, cell)) {
            if (!parent.isAlive()) {
                // The caller was killed meanwhile: a linked child must not outlive it, so it never starts.
                cell.terminate(parent.exitReason());
                throw new ProcessExit(parent.exitReason());
            }
            // The child was killed before the link was made (someone guessed its pid): the parent gets
            // the exit signal the link would have given it, as with Erlang's atomic spawn_link.
            parent.exitSignal(cell.pid, cell.exitReason(), false);
            if (!parent.isAlive()) {
                throw new ProcessExit(parent.exitReason());
            }
            return cell.pid;
        }
        if (runtime.events().hasListeners()) {
            runtime.events().publish(new ProcessEvent.Spawned(cell.pid, options.name(), cell.startedAt()));
        }
        boolean onCaller = options.startOnCaller() && (current == null || current.runtime == runtime);
        if (onCaller && cell instanceof HandlerProcess handlerProcess) {
            handlerProcess.startOnCaller(current);
        } else {
            cell.start();
        }
        return cell.pid;
    }
}
