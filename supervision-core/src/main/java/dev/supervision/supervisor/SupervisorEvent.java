package dev.supervision.supervisor;

import dev.supervision.event.SupervisionEvent;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import java.time.Instant;

/**
 * Something a supervisor did or saw, published on its runtime's event bus. {@code childId} is null for
 * the children of a dynamic supervisor.
 */
public sealed interface SupervisorEvent extends SupervisionEvent {

    /** The supervisor concerned. */
    Pid supervisor();

    /**
     * A child was started (at the supervisor's start or by {@code startChild}/{@code restartChild}).
     *
     * @param supervisor the supervisor
     * @param childId the child's id
     * @param pid the child's new process
     * @param at when
     */
    record ChildStarted(Pid supervisor, String childId, Pid pid, Instant at) implements SupervisorEvent {
    }

    /**
     * A child's process exited, by itself or killed; also the process of a start that ended before
     * the start returned (killed while its init ran, or its init refused), for which no
     * {@link ChildStarted} came.
     *
     * @param supervisor the supervisor
     * @param childId the child's id
     * @param pid the process that exited
     * @param reason why
     * @param at when
     */
    record ChildExited(Pid supervisor, String childId, Pid pid, ExitReason reason, Instant at)
            implements SupervisorEvent {
    }

    /**
     * A child was restarted by the supervisor's strategy.
     *
     * @param supervisor the supervisor
     * @param childId the child's id
     * @param pid the new process
     * @param restarts how many restarts of this child were attempted, this one included
     * @param at when
     */
    record ChildRestarted(Pid supervisor, String childId, Pid pid, int restarts, Instant at)
            implements SupervisorEvent {
    }

    /**
     * The supervisor reached its restart intensity, stopped its children and exits {@code shutdown}.
     *
     * @param supervisor the supervisor
     * @param childId the child whose exit was one too many
     * @param reason that child's exit reason
     * @param at when
     */
    record GaveUp(Pid supervisor, String childId, ExitReason reason, Instant at) implements SupervisorEvent {
    }
}
