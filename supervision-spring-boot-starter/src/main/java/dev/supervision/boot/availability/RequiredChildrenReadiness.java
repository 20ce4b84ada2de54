package dev.supervision.boot.availability;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.TreeLayout;
import dev.supervision.event.SupervisionEvent;
import dev.supervision.event.SupervisionEventListener;
import dev.supervision.supervisor.ChildStatus;
import dev.supervision.supervisor.SupervisorEvent;
import dev.supervision.supervisor.SupervisorSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;

/**
 * Readiness follows the tree: while a child marked {@code required} is restarting or down, readiness
 * is {@code REFUSING_TRAFFIC}; once it runs again, {@code ACCEPTING_TRAFFIC}. It acts only after the
 * application became ready (Spring Boot's own {@code ACCEPTING_TRAFFIC}) and stops acting once
 * readiness is refused by anybody else (shutting down) or the root gave up.
 *
 * <p>Supervisor events arrive on the supervisor's own thread, which must not be blocked nor asked for
 * a snapshot; each event schedules one check of the tree on a virtual thread instead.
 */
public final class RequiredChildrenReadiness
        implements ApplicationListener<AvailabilityChangeEvent<?>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RequiredChildrenReadiness.class);

    private final SupervisionTree tree;
    private final List<List<String>> required;
    private final ApplicationEventPublisher publisher;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("supervision-readiness").factory());
    private final AtomicBoolean checkPending = new AtomicBoolean();
    private final SupervisionEventListener listener = this::onSupervisionEvent;
    private volatile boolean active;
    private volatile boolean refusing;

    /**
     * Watches the children of {@code tree} at {@code required} (child id paths from the root, such as
     * {@code [data, dbConnector]}) and publishes readiness through {@code publisher}.
     */
    public RequiredChildrenReadiness(SupervisionTree tree, List<List<String>> required,
            ApplicationEventPublisher publisher) {
        this.tree = tree;
        this.required = List.copyOf(required);
        this.publisher = publisher;
        if (!this.required.isEmpty()) {
            tree.runtime().events().subscribe(listener);
        }
    }

    @Override
    public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
        if (event.getSource() == this || !(event.getState() instanceof ReadinessState state)) {
            return;
        }
        active = state == ReadinessState.ACCEPTING_TRAFFIC && !required.isEmpty();
        refusing = false;
        scheduleCheck();
    }

    private void onSupervisionEvent(SupervisionEvent event) {
        if (event instanceof SupervisorEvent) {
            scheduleCheck();
        }
    }

    private void scheduleCheck() {
        if (active && checkPending.compareAndSet(false, true)) {
            checks.execute(() -> {
                checkPending.set(false);
                check();
            });
        }
    }

    private synchronized void check() {
        if (!active || tree.rootGaveUp()) {
            return;
        }
        Optional<String> missing = firstNotRunning();
        if (missing.isPresent() && !refusing) {
            refusing = true;
            log.warn("Required child '{}' is not running; readiness is REFUSING_TRAFFIC until it runs again",
                    missing.get());
            AvailabilityChangeEvent.publish(publisher, this, ReadinessState.REFUSING_TRAFFIC);
        } else if (missing.isEmpty() && refusing) {
            refusing = false;
            log.info("Every required child runs again; readiness is ACCEPTING_TRAFFIC");
            AvailabilityChangeEvent.publish(publisher, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    /** The path of the first required child that does not run, as in {@code data/dbConnector}. */
    private Optional<String> firstNotRunning() {
        Optional<SupervisorSnapshot> root = tree.snapshot();
        return required.stream().filter(path -> root.isEmpty() || !runs(root.get(), path))
                .map(path -> String.join("/", path)).findFirst();
    }

    private static boolean runs(SupervisorSnapshot root, List<String> path) {
        return TreeLayout.child(root, path).filter(child -> child.status() == ChildStatus.RUNNING).isPresent();
    }

    /** Stops checking. */
    @Override
    public void close() {
        active = false;
        tree.runtime().events().unsubscribe(listener);
        checks.shutdownNow();
    }
}
