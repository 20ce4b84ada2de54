package dev.supervision.supervisor;

import dev.supervision.event.EventBus;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import java.time.Instant;

/** Publishes one supervisor's {@link SupervisorEvent}s on its runtime's bus, building none when nobody listens. */
final class SupervisorEvents {

    private final EventBus bus;
    private final Pid supervisor;

    SupervisorEvents(EventBus bus, Pid supervisor) {
        this.bus = bus;
        this.supervisor = supervisor;
    }

    void started(Child child, Pid pid) {
        if (bus.hasListeners()) {
            bus.publish(new SupervisorEvent.ChildStarted(supervisor, child.id, pid, Instant.now()));
        }
    }

    void exited(Child child, Pid pid, ExitReason reason) {
        if (bus.hasListeners()) {
            bus.publish(new SupervisorEvent.ChildExited(supervisor, child.id, pid, reason, Instant.now()));
        }
    }

    void restarted(Child child, Pid pid, int restarts) {
        if (bus.hasListeners()) {
            bus.publish(new SupervisorEvent.ChildRestarted(supervisor, child.id, pid, restarts, Instant.now()));
        }
    }

    void gaveUp(Child child, ExitReason reason) {
        if (bus.hasListeners()) {
            bus.publish(new SupervisorEvent.GaveUp(supervisor, child.id, reason, Instant.now()));
        }
    }
}
