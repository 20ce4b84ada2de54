package dev.supervision.event;

import java.time.Instant;

/**
 * Something that happened to a process or a supervisor: the common type of every lifecycle event.
 *
 * <p>Concrete events are records in the packages that raise them ({@code ProcessEvent} in the
 * process layer, {@code SupervisorEvent} in the supervisor layer); listeners {@code switch} on them.
 */
public interface SupervisionEvent {

    /** When the event happened, on the wall clock. */
    Instant at();
}
