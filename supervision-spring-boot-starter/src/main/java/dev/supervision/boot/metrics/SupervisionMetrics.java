package dev.supervision.boot.metrics;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.event.SupervisionEvent;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessEvent;
import dev.supervision.process.ProcessInfo;
import dev.supervision.process.ProcessName;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.ChildSnapshot;
import dev.supervision.supervisor.SupervisorEvent;
import dev.supervision.supervisor.SupervisorSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of the supervision runtime:
 * <ul>
 *   <li>{@code supervision.restarts}: counter, tags {@code supervisor}, {@code child};</li>
 *   <li>{@code supervision.exits}: counter, tags {@code child}, {@code reason} (normal, shutdown, killed,
 *       kill, noproc, noconnection, {@code crash:<ExceptionType>}, other);</li>
 *   <li>{@code supervision.processes}: gauge, processes alive;</li>
 *   <li>{@code supervision.mailbox.size}: gauge per registered process, tag {@code name};</li>
 *   <li>{@code supervision.call}: timer per registered server called by name, tags {@code name},
 *       {@code outcome} (answered, or the exception's type).</li>
 * </ul>
 */
public class SupervisionMetrics implements MeterBinder {

    private final SupervisionTree tree;
    private final ProcessRuntime runtime;
    /** Call timers by name and outcome: registering a meter runs the registry's filters, so once each. */
    private final java.util.concurrent.ConcurrentHashMap<String, Timer> callTimers =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Meters for {@code tree}. */
    public SupervisionMetrics(SupervisionTree tree) {
        this.tree = tree;
        this.runtime = tree.runtime();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("supervision.processes", runtime, ProcessRuntime::processCount)
                .description("Processes alive").register(registry);
        runtime.registered().forEach(name -> mailboxGauge(registry, name));
        runtime.events().subscribe(event -> record(registry, event));
        runtime.internals().observeCalls((target, nanos, failure) -> {
            if (target instanceof ProcessName(String name)) {
                String outcome = failure == null ? "answered" : failure.getClass().getSimpleName();
                callTimers.computeIfAbsent(name + '\u0000' + outcome, key -> Timer.builder("supervision.call")
                        .description("Calls to registered servers").tag("name", name).tag("outcome", outcome)
                        .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
            }
        });
    }

    private void record(MeterRegistry registry, SupervisionEvent event) {
        switch (event) {
            case SupervisorEvent.ChildRestarted restarted -> Counter.builder("supervision.restarts")
                    .description("Children restarted by their supervisor")
                    .tag("supervisor", supervisorId(restarted.supervisor()))
                    .tag("child", String.valueOf(restarted.childId()))
                    .register(registry).increment();
            case SupervisorEvent.ChildExited exited -> Counter.builder("supervision.exits")
                    .description("Children that exited, by reason")
                    .tag("child", String.valueOf(exited.childId()))
                    .tag("reason", reasonTag(exited.reason()))
                    .register(registry).increment();
            case ProcessEvent.Spawned spawned when spawned.name() != null -> mailboxGauge(registry, spawned.name());
            default -> { }
        }
    }

    private void mailboxGauge(MeterRegistry registry, String name) {
        Gauge.builder("supervision.mailbox.size", runtime, r -> r.whereis(name).flatMap(r::info)
                        .map(ProcessInfo::mailboxLength).orElse(0))
                .description("Messages waiting in a registered process's mailbox").tag("name", name)
                .register(registry);
    }

    private String supervisorId(Pid supervisor) {
        Optional<SupervisorSnapshot> root = tree.snapshot();
        if (root.isEmpty() || root.get().pid().equals(supervisor)) {
            return tree.rootId();
        }
        return find(supervisor, root.get(), "").orElse(supervisor.toString());
    }

    private static Optional<String> find(Pid pid, SupervisorSnapshot supervisor, String prefix) {
        for (ChildSnapshot child : supervisor.children()) {
            if (child.supervisor() != null) {
                String path = prefix + child.id();
                if (pid.equals(child.pid())) {
                    return Optional.of(path);
                }
                Optional<String> below = find(pid, child.supervisor(), path + "/");
                if (below.isPresent()) {
                    return below;
                }
            }
        }
        return Optional.empty();
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
