package dev.supervision.process;

import dev.supervision.event.SupervisionEvent;
import java.time.Instant;

/** A process came to life or ended. Published on the runtime's {@link ProcessRuntime#events() bus}. */
public sealed interface ProcessEvent extends SupervisionEvent {

    /** The process concerned. */
    Pid pid();

    /**
     * A process was spawned.
     *
     * @param pid the new process
     * @param name its registered name, or null
     * @param at when
     */
    record Spawned(Pid pid, String name, Instant at) implements ProcessEvent {
    }

    /**
     * A process ended; its name was already free and its links and monitors had fired.
     *
     * @param pid the process
     * @param name the name it held, or null
     * @param reason why it ended
     * @param at when
     */
    record Exited(Pid pid, String name, ExitReason reason, Instant at) implements ProcessEvent {
    }
}
