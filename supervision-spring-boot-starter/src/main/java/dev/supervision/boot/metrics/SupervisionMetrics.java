package dev.supervision.boot.metrics;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.event.SupervisionEvent;
import dev.supervision.process.ExitReason;
import dev.supervision.process.ProcessEvent;
import dev.supervision.process.ProcessName;
import dev.supervision.process.ProcessRef;
import dev.supervision.supervisor.SupervisorEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Micrometer meters of the supervision runtime:
 * <ul>
 *   <li>{@code supervision.restarts}: counter, tags {@code supervisor} (its id path, the root's id for
 *       the root), {@code child};</li>
 *   <li>{@code supervision.exits}: counter, tags {@code child}, {@code reason} (normal, shutdown, killed,
 *       kill, noproc, noconnection, {@code crash:<ExceptionType>}, other);</li>
 *   <li>{@code supervision.processes}: gauge, processes alive;</li>
 *   <li>{@code supervision.mailbox.size}: gauge per registered process, tag {@code name};</li>
 *   <li>{@code supervision.call}: timer per registered server called by name, tags {@code name},
 *       {@code outcome} (answered, or the exception's type).</li>
 * </ul>
 * Each event updates the meters of the one child it concerns; nothing walks the tree.
 */
public class SupervisionMetrics implements MeterBinder {

    private final SupervisionTree tree;
    private final SupervisorPaths paths;
    private final List<RegistryMeters> bound = new CopyOnWriteArrayList<>();

    /** Meters for {@code tree}; they follow its events from now on. */
    public SupervisionMetrics(SupervisionTree tree) {
        this.tree = tree;
        this.paths = new SupervisorPaths(tree);
        tree.runtime().events().subscribe(this::record);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (bound.isEmpty()) {
            tree.runtime().internals().observeCalls(this::called);
        }
        bound.add(new RegistryMeters(registry, tree.runtime()));
    }

    private void record(SupervisionEvent event) {
        switch (event) {
            case SupervisorEvent.ChildStarted started -> paths.started(started.supervisor(), started.childId(), started.pid());
            case SupervisorEvent.ChildRestarted restarted -> {
                paths.started(restarted.supervisor(), restarted.childId(), restarted.pid());
                String supervisor = paths.pathOf(restarted.supervisor());
                String child = String.valueOf(restarted.childId());
                bound.forEach(meters -> meters.restarted(supervisor, child));
            }
            case SupervisorEvent.ChildExited exited -> {
                String child = String.valueOf(exited.childId());
                String reason = reasonTag(exited.reason());
                bound.forEach(meters -> meters.exited(child, reason));
            }
            case ProcessEvent.Spawned spawned when spawned.name() != null ->
                    bound.forEach(meters -> meters.registeredName(spawned.name()));
            case ProcessEvent.Exited exited -> paths.exited(exited.pid());
            default -> { }
        }
    }

    private void called(ProcessRef target, long nanos, Throwable failure) {
        if (target instanceof ProcessName(String name)) {
            String outcome = failure == null ? "answered" : failure.getClass().getSimpleName();
            bound.forEach(meters -> meters.called(name, outcome, nanos));
        }
    }

    static String reasonTag(ExitReason reason) {
        return switch (reason) {
            case ExitReason.Crash crash -> "crash:" + crash.error().getClass().getSimpleName();
            case ExitReason.Other other -> "other";
            case ExitReason.Shutdown shutdown -> "shutdown";
            default -> reason.toString();
        };
    }
}
