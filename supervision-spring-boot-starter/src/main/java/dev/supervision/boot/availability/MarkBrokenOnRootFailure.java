package dev.supervision.boot.availability;

import dev.supervision.boot.RootFailureHandler;
import dev.supervision.boot.RootFailureMessages;
import dev.supervision.supervisor.SupervisorEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * {@code on-root-failure: mark-broken}, the default: when the root supervisor gives up, the
 * application publishes liveness {@code BROKEN} and readiness {@code REFUSING_TRAFFIC} and keeps
 * running; the {@code supervision} health reports DOWN. The platform (a Kubernetes liveness probe on
 * {@code /actuator/health/liveness}) decides when to restart the instance.
 */
public final class MarkBrokenOnRootFailure implements RootFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(MarkBrokenOnRootFailure.class);

    private final ApplicationEventPublisher publisher;

    /** Publishes the availability changes through {@code publisher} (the application context). */
    public MarkBrokenOnRootFailure(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void rootGaveUp(SupervisorEvent.GaveUp event) {
        log.error("The root supervisor {} gave up{}; liveness is now BROKEN and readiness REFUSING_TRAFFIC",
                event.supervisor(), RootFailureMessages.cause(event));
        AvailabilityChangeEvent.publish(publisher, this, LivenessState.BROKEN);
        AvailabilityChangeEvent.publish(publisher, this, ReadinessState.REFUSING_TRAFFIC);
    }
}
