package dev.supervision.cluster;

import dev.supervision.cluster.codec.Frame;
import dev.supervision.cluster.codec.UndecodableException;
import dev.supervision.process.ExitReason;
import dev.supervision.process.MonitorRef;
import dev.supervision.process.Pid;
import dev.supervision.process.PidAndMonitor;
import dev.supervision.process.ProcessExit;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.RemoteSignals;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remote spawn, both ends. The spawning node asks for a process and gets its pid back; it then sets
 * its link or monitor and sends {@code Start}; the spawned process runs only once {@code Start} has
 * come, so a process that ends at once (an unknown spawnable exits with {@code {undef,Name}}) is always
 * reported through the link or monitor with its real reason. A node that cannot be reached gives a
 * pid of that node at once, and {@code noconnection} through the link or monitor.
 */
final class Spawning {

    /** How long a spawned process waits for its spawner's {@code Start} before it gives up. */
    static final Duration START_WAIT = Duration.ofSeconds(30);
    /** How long a spawner waits for the pid. */
    static final Duration REPLY_WAIT = Duration.ofSeconds(5);

    /** The go-ahead, delivered locally to the spawned process's mailbox. */
    private record StartToken(int node, long id) {
    }

    private record Requested(int node, Pid fallback, CompletableFuture<Pid> pid) {
    }

    private final ProcessRuntime runtime;
    private final RemoteSignals signals;
    private final Wire wire;
    private final Map<String, Spawnable> spawnables = new ConcurrentHashMap<>();
    private final Map<Long, Requested> requested = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    Spawning(ProcessRuntime runtime, RemoteSignals signals, Wire wire) {
        this.runtime = runtime;
        this.signals = signals;
        this.wire = wire;
    }

    void register(String name, Spawnable spawnable) {
        if (spawnables.putIfAbsent(Objects.requireNonNull(name, "name"), Objects.requireNonNull(spawnable, "spawnable")) != null) {
            throw new IllegalStateException("a spawnable named '" + name + "' is already registered");
        }
    }

    // ---- the spawning node ----------------------------------------------------------------------

    /** Spawns {@code spawnable} on {@code node}; links or monitors the calling process when asked. */
    PidAndMonitor spawn(String node, String spawnable, Object argument, boolean link, boolean monitor) {
        byte[] payload;
        try {
            payload = wire.codec().encodePayload(argument);
        } catch (UndecodableException e) {
            throw new IllegalArgumentException("cannot send the spawn argument: " + e.getMessage(), e);
        }
        NodeTable nodes = wire.nodes();
        int index = nodes.indexForName(node);
        Pid fallback = new Pid(index, 0, 0);
        long id = ids.incrementAndGet();
        Requested request = new Requested(index, fallback, new CompletableFuture<>());
        requested.put(id, request);
        Pid pid;
        try {
            boolean sent = wire.sendTo(index, new Frame.Spawn(id, runtime.currentPid().orElse(runtime.external()),
                    spawnable, payload));
            pid = sent && nodes.isConnected(index) ? await(request) : fallback;
        } finally {
            requested.remove(id);
        }
        if (link) {
            runtime.link(pid);
        }
        MonitorRef ref = monitor ? runtime.monitor(pid) : null;
        wire.sendTo(pid.node(), new Frame.Start(id, pid));
        return new PidAndMonitor(pid, ref);
    }

    private Pid await(Requested request) {
        try {
            return request.pid().get(REPLY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runtime.internals().ensureCurrentAlive();
            return request.fallback();
        } catch (ExecutionException | TimeoutException e) {
            return request.fallback();
        }
    }

    /** The pid of spawn {@code id} came back. */
    void spawned(Frame.Spawned reply) {
        Requested request = requested.get(reply.id());
        if (request != null) {
            request.pid().complete(reply.pid());
        }
    }

    /** Node {@code node} went down: its pending spawns get a pid of that node, dead already. */
    void nodeDown(int node) {
        requested.values().stream().filter(request -> request.node() == node)
                .forEach(request -> request.pid().complete(request.fallback()));
    }

    // ---- the spawned-on node ----------------------------------------------------------------------

    /** Spawns what node {@code node} asked for; it waits for {@code Start}. Returns its pid. */
    Pid accept(int node, Frame.Spawn request) {
        String name = request.spawnable();
        long id = request.id();
        Object argument = null;
        String refused = null;
        try {
            argument = wire.codec().decodePayload(request.payload());
        } catch (UndecodableException e) {
            refused = e.getMessage();
        }
        Object decoded = argument;
        String badArgument = refused;
        return runtime.spawn(() -> {
            Optional<Object> start = runtime.receive(
                    message -> message instanceof StartToken token && token.node() == node && token.id() == id, START_WAIT);
            if (start.isEmpty()) {
                throw new ProcessExit(ExitReason.of("{spawn_not_started," + name + "}"));
            }
            if (badArgument != null) {
                throw new ProcessExit(ExitReason.of("{badarg," + badArgument + "}"));
            }
            Spawnable spawnable = spawnables.get(name);
            if (spawnable == null) {
                throw new ProcessExit(ExitReason.of("{undef," + name + "}"));
            }
            spawnable.body(decoded).run();
        });
    }

    /** Node {@code node}'s spawner has set its link or monitor: {@code pid} may run. */
    void start(int node, Frame.Start start) {
        signals.deliver(start.pid(), new StartToken(node, start.id()));
    }
}
