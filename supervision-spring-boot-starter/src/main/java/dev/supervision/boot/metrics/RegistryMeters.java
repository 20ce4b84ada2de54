package dev.supervision.boot.metrics;

import dev.supervision.process.ProcessInfo;
import dev.supervision.process.ProcessRuntime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The supervision meters of one registry. Each meter is registered once, the first time its tags
 * occur, and kept: an event then costs a map look-up and an increment, whatever the size of the tree.
 */
final class RegistryMeters {

    /** The tags of a counter or timer: two values, in the meter's own order. */
    private record Tags(String first, String second) {
    }

    private final MeterRegistry registry;
    private final ProcessRuntime runtime;
    private final ConcurrentHashMap<Tags, Counter> restarts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Tags, Counter> exits = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Tags, Timer> calls = new ConcurrentHashMap<>();
    private final Set<String> mailboxes = ConcurrentHashMap.newKeySet();

    RegistryMeters(MeterRegistry registry, ProcessRuntime runtime) {
        this.registry = registry;
        this.runtime = runtime;
        Gauge.builder("supervision.processes", runtime, ProcessRuntime::processCount)
                .description("Processes alive").register(registry);
        runtime.registered().forEach(this::registeredName);
    }

    void restarted(String supervisor, String child) {
        restarts.computeIfAbsent(new Tags(supervisor, child), tags -> Counter.builder("supervision.restarts")
                .description("Children restarted by their supervisor")
                .tag("supervisor", tags.first()).tag("child", tags.second())
                .register(registry)).increment();
    }

    void exited(String child, String reason) {
        exits.computeIfAbsent(new Tags(child, reason), tags -> Counter.builder("supervision.exits")
                .description("Children that exited, by reason")
                .tag("child", tags.first()).tag("reason", tags.second())
                .register(registry)).increment();
    }

    /** A process registered under {@code name}: its mailbox gets a gauge, once per name. */
    void registeredName(String name) {
        if (mailboxes.add(name)) {
            Gauge.builder("supervision.mailbox.size", runtime, r -> r.whereis(name).flatMap(r::info)
                            .map(ProcessInfo::mailboxLength).orElse(0))
                    .description("Messages waiting in a registered process's mailbox").tag("name", name)
                    .register(registry);
        }
    }

    void called(String name, String outcome, long nanos) {
        calls.computeIfAbsent(new Tags(name, outcome), tags -> Timer.builder("supervision.call")
                .description("Calls to registered servers").tag("name", tags.first()).tag("outcome", tags.second())
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }
}
