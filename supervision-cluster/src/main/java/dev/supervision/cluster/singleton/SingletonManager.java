package dev.supervision.cluster.singleton;

import dev.supervision.cluster.ClusterNode;
import dev.supervision.cluster.NodeDown;
import dev.supervision.cluster.NodeUp;
import dev.supervision.cluster.singleton.ManagerSignal.Leave;
import dev.supervision.cluster.singleton.ManagerSignal.ProbeAnswered;
import dev.supervision.cluster.singleton.ManagerSignal.Recheck;
import dev.supervision.cluster.singleton.SingletonMessage.Goodbye;
import dev.supervision.cluster.singleton.SingletonMessage.Probe;
import dev.supervision.cluster.singleton.SingletonMessage.Status;
import dev.supervision.genserver.StartResult;
import dev.supervision.process.Call;
import dev.supervision.process.CallTimeoutException;
import dev.supervision.process.DownMessage;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.MonitorRef;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessExit;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process a cluster singleton's spec starts on every node: it learns which nodes of its view host
 * the same singleton (a probe to each, their status changes, monitors of their managers), applies the
 * owner rule after every message, starts the instance (linked) while this node owns it and stops it
 * with the instance's shutdown when it does not. It exits with the instance's exit reason, so a crash
 * reaches the supervisor as any child's would.
 */
final class SingletonManager {

    private static final Logger LOG = LoggerFactory.getLogger(SingletonManager.class);
    /** How long a host has to answer a probe before it counts as not hosting the singleton. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** How many probes of one node may time out in a row before it counts as not hosting the singleton. */
    static final int PROBE_ATTEMPTS = 3;
    /** How long the place of a host whose manager crashed is kept for its supervisor's restart. */
    static final Duration RESTART_GRACE = Duration.ofSeconds(5);
    /**
     * How long a running instance stays when a host that has just (re)appeared claims the singleton and
     * runs one too: a node that resumes from a pause answers with what it knew before, until it has
     * handled its own view's merge and given up its place.
     */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private final ProcessRuntime runtime;
    private final ClusterNode node;
    private final ClusterSingletons registry;
    private final ClusterSingleton.Spec spec;
    private final List<Object> extraArgs;
    private final Pid parent;
    private final Hosts hosts = new Hosts();
    private final Map<Pid, MonitorRef> monitors = new HashMap<>();
    private final Map<String, Long> probing = new HashMap<>();
    private final Map<String, Integer> timeouts = new HashMap<>();
    private long probes;
    private boolean settling;
    private Pid self;
    private long seniority;
    private boolean quorate;
    private boolean ignored;
    private boolean leaving;
    private Pid instance;

    SingletonManager(ClusterSingletons registry, ClusterSingleton.Spec spec, List<Object> extraArgs, Pid parent) {
        this.registry = registry;
        this.node = registry.node();
        this.runtime = node.runtime();
        this.spec = spec;
        this.extraArgs = List.copyOf(extraArgs);
        this.parent = parent;
    }

    /** The name a singleton's manager registers on every node, so that the others' managers find it. */
    static String managerName(String id) {
        return "supervision.singleton." + id;
    }

    void run() {
        self = runtime.self();
        runtime.trapExit(true);
        registry.attach(spec.id(), self);
        seniority = registry.seniority(spec.id());
        leaving = registry.leaving(); // started after its node's hand-over: it stays out
        try {
            if (!leaving) {
                runtime.register(managerName(spec.id()), self);
                node.monitorNodes(true);
                node.nodes().forEach(this::probe);
                decide();
            }
            while (true) {
                Object message = runtime.receive();
                if (leaving) {
                    whileLeaving(message);
                    continue;
                }
                handle(message);
                if (!leaving) {
                    decide();
                }
            }
        } finally {
            registry.detach(spec.id(), self);
        }
    }

    private void handle(Object message) {
        switch (message) {
            case NodeUp up -> probe(up.node());
            case NodeDown down -> {
                probing.remove(down.node());
                timeouts.remove(down.node());
                forget(down.node());
            }
            case Call call when call.request() instanceof Probe probe -> {
                learn(probe.from());
                call.from().reply(status());
            }
            case Status status -> learn(status);
            case Goodbye bye -> hosts.get(bye.node()).filter(known -> known.manager().equals(bye.manager()))
                    .ifPresent(known -> forget(bye.node()));
            case ProbeAnswered answered -> probeAnswered(answered);
            case DownMessage down -> managerDown(down);
            case Recheck recheck -> {
                settling = false;
                hosts.expire(System.nanoTime());
            }
            case Leave leave -> leave(leave);
            case ExitMessage exit when exit.from().equals(parent) -> stopFor(exit.reason());
            case ExitMessage exit when exit.from().equals(instance) -> instanceEnded(exit.reason());
            default -> LOG.debug("{}: singleton '{}' manager ignores {}", node.name(), spec.id(), message);
        }
    }

    /** After the hand-over only the supervisor's stop matters; probes find no manager name. */
    private void whileLeaving(Object message) {
        if (message instanceof ExitMessage exit && exit.from().equals(parent)) {
            throw new ProcessExit(exit.reason());
        }
        if (message instanceof Leave leave) {
            leave.done().complete(null);
        }
    }

    private Status status() {
        return new Status(spec.id(), node.name(), seniority, self, instance != null);
    }

    private void probe(String other) {
        if (other.equals(node.name())) {
            return;
        }
        long probe = ++probes;
        probing.put(other, probe);
        runtime.callAsync(ProcessRef.named(managerName(spec.id()), other), new Probe(status()), PROBE_TIMEOUT)
                .whenComplete((status, failure) -> runtime.send(self, new ProbeAnswered(other, probe,
                        failure == null ? status : null, causeOf(failure) instanceof CallTimeoutException)));
    }

    private static Throwable causeOf(Throwable failure) {
        return failure instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : failure;
    }

    /** A probe ended; one that timed out is tried again, a few times, while its node is connected. */
    private void probeAnswered(ProbeAnswered answered) {
        if (!probing.remove(answered.node(), answered.probe())) {
            return; // an older probe, or its node went down meanwhile
        }
        if (answered.status() != null) {
            timeouts.remove(answered.node());
            learn(answered.status());
        } else if (answered.timedOut() && timeouts.merge(answered.node(), 1, Integer::sum) < PROBE_ATTEMPTS) {
            probe(answered.node());
        } else {
            timeouts.remove(answered.node());
        }
    }

    /**
     * What a host's manager says. Frames from a node that is down are dropped, and a status that still
     * arrives from one (it was under way) is corrected by the monitor set here, which fires at once.
     */
    private void learn(Status status) {
        if (!status.singleton().equals(spec.id()) || status.node().equals(node.name())) {
            return;
        }
        Optional<Status> known = hosts.get(status.node());
        if (known.isEmpty() || !known.get().manager().equals(status.manager())) {
            known.ifPresent(old -> demonitor(old.manager()));
            monitors.put(status.manager(), runtime.monitor(status.manager()));
        }
        hosts.update(status, System.nanoTime());
    }

    private void forget(String other) {
        hosts.get(other).ifPresent(old -> demonitor(old.manager()));
        hosts.remove(other);
    }

    private void demonitor(Pid manager) {
        MonitorRef ref = monitors.remove(manager);
        if (ref != null) {
            runtime.demonitor(ref, true);
        }
    }

    /** A host's manager ended: gone with its node, or kept for a restart in place for a while. */
    private void managerDown(DownMessage down) {
        monitors.remove(down.pid());
        hosts.nodeOf(down.pid()).ifPresent(other -> {
            if (down.reason().equals(ExitReason.NOCONNECTION) || down.reason().equals(ExitReason.NOPROC)) {
                hosts.remove(other);
            } else {
                hosts.reserve(other, down.pid(), System.nanoTime() + RESTART_GRACE.toNanos());
                runtime.sendAfter(RESTART_GRACE, self, new Recheck());
            }
        });
    }

    /** Applies the owner rule to what this node knows now: stop, start, or nothing. */
    private void decide() {
        boolean changed = false;
        if (hosts.allowed(spec.policy())) {
            quorate = true;
        } else if (quorate) {
            quorate = false;
            seniority = registry.reage(spec.id()); // lost its side's quorum: comes back as the youngest
            changed = true;
            LOG.info("{}: singleton '{}' lost its quorum ({})", node.name(), spec.id(), spec.policy());
        }
        Optional<String> owner = hosts.owner(status(), spec.policy());
        boolean mine = owner.filter(node.name()::equals).isPresent();
        if (instance != null && !mine) {
            if (owner.isEmpty() || !settlingFor(owner.get())) {
                stopInstance();
                changed = true;
            }
        } else if (instance == null && mine && !ignored && probing.isEmpty() && !hosts.othersRunning()) {
            changed = startInstance();
        }
        if (!mine) {
            ignored = false;
        }
        if (changed) {
            tellAll(status());
        }
        registry.publishOwner(spec.id(), hosts.running(status()));
    }

    /**
     * Whether this node's running instance stays a little longer for {@code owner}: it runs one too and
     * has been known for less than {@link #SETTLE}, so what it says may predate its own view's merge.
     * Both already run, so waiting adds no instance; a re-aged status from it ends the wait early.
     */
    private boolean settlingFor(String owner) {
        Optional<Long> since = hosts.knownSince(owner);
        if (since.isEmpty() || !hosts.get(owner).map(Status::running).orElse(false)) {
            return false;
        }
        long left = SETTLE.toNanos() - (System.nanoTime() - since.get());
        if (left <= 0) {
            return false;
        }
        if (!settling) {
            settling = true;
            runtime.sendAfter(Duration.ofNanos(left), self, new Recheck());
        }
        return true;
    }

    private boolean startInstance() {
        StartResult result;
        try {
            result = spec.inner().start().start(extraArgs);
        } catch (ProcessExit e) {
            throw e;
        } catch (Exception e) {
            throw new ProcessExit(ExitReason.crash(e));
        }
        switch (result) {
            case StartResult.Started started -> {
                instance = started.pid();
                LOG.info("{}: singleton '{}' started here ({})", node.name(), spec.id(), instance);
                if (!runtime.whereis(spec.registeredName()).map(instance::equals).orElse(false)) {
                    LOG.warn("{}: singleton '{}' did not register as '{}': singletonRef cannot reach it", node.name(),
                            spec.id(), spec.registeredName());
                }
                GlobalClaim.start(runtime, node.globalNames(), spec.registeredName(), instance);
                return true;
            }
            case StartResult.Ignored ignore -> {
                ignored = true;
                LOG.info("{}: singleton '{}' ignored its start; not started until this node owns it again", node.name(), spec.id());
                return false;
            }
            case StartResult.AlreadyStarted already ->
                    throw new ProcessExit(ExitReason.of("{already_started," + already.holder() + "}"));
            case StartResult.Failed failed -> throw new ProcessExit(failed.reason());
        }
    }

    private void stopInstance() {
        Pid stopping = instance;
        InstanceShutdown.stop(runtime, stopping, spec.inner().shutdown());
        instance = null;
        LOG.info("{}: singleton '{}' stopped here ({})", node.name(), spec.id(), stopping);
    }

    /** The instance ended on its own: exit with its reason, as the supervisor expects of a child. */
    private void instanceEnded(ExitReason reason) {
        instance = null;
        if (reason.isNormal()) {
            goodbye();
        } else {
            tellAll(status());
        }
        throw new ProcessExit(reason);
    }

    /** The supervisor stops this manager: stop the instance, tell the others, exit. */
    private void stopFor(ExitReason reason) {
        if (instance != null) {
            stopInstance();
        }
        goodbye();
        throw new ProcessExit(reason);
    }

    private void leave(Leave leave) {
        leaving = true;
        try {
            if (instance != null) {
                stopInstance();
            }
            runtime.unregister(managerName(spec.id()));
            goodbye();
        } finally {
            registry.publishOwner(spec.id(), Optional.empty());
            leave.done().complete(null);
        }
    }

    private void goodbye() {
        Goodbye bye = new Goodbye(spec.id(), node.name(), self);
        hosts.managers().forEach(manager -> runtime.send(manager, bye));
        seniority = registry.reage(spec.id());
    }

    private void tellAll(Status status) {
        hosts.managers().forEach(manager -> runtime.send(manager, status));
    }
}
