package dev.supervision.boot;

import dev.supervision.event.SupervisionEvent;
import org.springframework.context.ApplicationEvent;

/**
 * A lifecycle event of the supervision runtime (a process spawned or exited, a child started, exited
 * or restarted, a supervisor gave up) as a Spring application event. Listeners run on the thread of
 * the process concerned: keep them quick and never block in them.
 */
public class SupervisionApplicationEvent extends ApplicationEvent {

    private static final long serialVersionUID = 1L;

    private final transient SupervisionEvent event;

    /** Wraps {@code event}, published by {@code source}. */
    public SupervisionApplicationEvent(Object source, SupervisionEvent event) {
        super(source);
        this.event = event;
    }

    /** The event of the core: a {@code ProcessEvent} or a {@code SupervisorEvent}. */
    public SupervisionEvent getEvent() {
        return event;
    }
}
