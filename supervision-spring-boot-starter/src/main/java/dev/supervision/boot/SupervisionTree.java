package dev.supervision.boot;

import dev.supervision.event.SupervisionEvent;
import dev.supervision.genserver.StartException;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessEvent;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.Supervisor;
import dev.supervision.supervisor.SupervisorClock;
import dev.supervision.supervisor.SupervisorEvent;
import dev.supervision.genserver.Init;
import dev.supervision.supervisor.SupervisorSnapshot;
import dev.supervision.supervisor.SupervisorSpec;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The application's supervision tree. It starts once the context is refreshed, before the web server
 * takes requests, and stops after the web server, inside Spring's graceful shutdown: the root
 * supervisor stops its children in reverse order, each within its shutdown timeout.
 */
public final class SupervisionTree implements SmartLifecycle {

    /** Starts before the web server (which starts at {@code DEFAULT_PHASE - 2048}) and stops after it. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(SupervisionTree.class);

    private final ProcessRuntime runtime;
    private final SupervisorSpec spec;
    private final String rootId;
    private final String nodeName;
    private final RootFailureHandler onRootFailure;
    private final TreeLayout layout;
    private final SupervisorClock clock;
    private volatile Pid root;
    private volatile boolean running;
    private volatile boolean stopping;
    private volatile boolean gaveUp;

    /**
     * A tree that runs {@code spec} as its root supervisor on {@code runtime} once started.
     *
     * @param runtime the runtime the tree runs on
     * @param spec the root supervisor's spec, children included
     * @param rootId the root supervisor's id, as the endpoint and the metrics name it
     * @param nodeName the node name the endpoint reports
     * @param onRootFailure what happens when the root supervisor gives up
     */
    public SupervisionTree(ProcessRuntime runtime, SupervisorSpec spec, String rootId, String nodeName,
            RootFailureHandler onRootFailure) {
        this(runtime, spec, rootId, nodeName, onRootFailure, TreeLayout.EMPTY, null);
    }

    /**
     * A tree as above with what the configuration says of its children ({@code layout}), whose root
     * supervisor measures time with {@code clock} (null for the runtime's own).
     *
     * @param runtime the runtime the tree runs on
     * @param spec the root supervisor's spec, children included
     * @param rootId the root supervisor's id, as the endpoint and the metrics name it
     * @param nodeName the node name the endpoint reports
     * @param onRootFailure what happens when the root supervisor gives up
     * @param layout the required and the named children
     * @param clock the supervisors' clock, or null
     */
    public SupervisionTree(ProcessRuntime runtime, SupervisorSpec spec, String rootId, String nodeName,
            RootFailureHandler onRootFailure, TreeLayout layout, SupervisorClock clock) {
        this.layout = layout;
        this.clock = clock;
        this.runtime = runtime;
        this.spec = spec;
        this.rootId = rootId;
        this.nodeName = nodeName;
        this.onRootFailure = onRootFailure;
        runtime.events().subscribe(this::watchRoot);
    }

    @Override
    public void start() {
        stopping = false;
        gaveUp = false;
        try {
            root = (clock == null ? Supervisor.start(runtime, spec, StartOptions.DEFAULT)
                    : Supervisor.start(runtime, () -> Init.ok(spec), StartOptions.DEFAULT, clock)).orThrow();
        } catch (StartException failure) {
            throw new SupervisionStartException(failure);
        }
        running = true;
        log.info("Supervision tree started: root supervisor '{}' is {}", rootId, root);
    }

    @Override
    public void stop() {
        stopping = true;
        Pid pid = root;
        if (pid != null && runtime.isAlive(pid)) {
            Supervisor.stop(runtime, pid);
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The runtime the tree runs on. */
    public ProcessRuntime runtime() {
        return runtime;
    }

    /**
     * What the configuration says of the children: which are required, which name each registers.
     *
     * @return the layout
     */
    public TreeLayout layout() {
        return layout;
    }

    /** The root supervisor's id (its name in {@code supervision.supervisors}). */
    public String rootId() {
        return rootId;
    }

    /** The name of this node, as the actuator endpoint reports it. */
    public String nodeName() {
        return nodeName;
    }

    /** The root supervisor's pid, while it runs. */
    public Optional<Pid> rootPid() {
        Pid pid = root;
        return pid != null && runtime.isAlive(pid) ? Optional.of(pid) : Optional.empty();
    }

    /** A read-only picture of the whole tree, while the root runs. */
    public Optional<SupervisorSnapshot> snapshot() {
        return rootPid().flatMap(pid -> Supervisor.snapshot(runtime, pid));
    }

    /** Whether the root supervisor reached its restart intensity and gave up. */
    public boolean rootGaveUp() {
        return gaveUp;
    }

    private void watchRoot(SupervisionEvent event) {
        Pid pid = root;
        if (pid == null || stopping) {
            return;
        }
        if (event instanceof SupervisorEvent.GaveUp giveUp && giveUp.supervisor().equals(pid)) {
            gaveUp = true;
            running = false;
            onRootFailure.rootGaveUp(giveUp);
        } else if (event instanceof ProcessEvent.Exited exited && exited.pid().equals(pid) && !gaveUp) {
            log.error("The root supervisor {} exited with {}", pid, exited.reason());
            gaveUp = true;
            running = false;
            onRootFailure.rootGaveUp(new SupervisorEvent.GaveUp(pid, null, exited.reason(), exited.at()));
        }
    }
}
