package dev.supervision.boot.endpoint;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import dev.supervision.process.MessageRendering;
import dev.supervision.process.ProcessInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code supervision} actuator endpoint: the tree, one process, and exit signals for failure
 * drills. It speaks no HTTP: over JMX its operations answer as they are (null for a process that does
 * not exist); {@link SupervisionEndpointWebExtension} gives the HTTP answers. Read-only by default:
 * the signal operation exists only when the endpoint's access is {@code unrestricted}.
 */
@Endpoint(id = SupervisionEndpoint.ID, defaultAccess = Access.READ_ONLY)
public class SupervisionEndpoint {

    /** The endpoint's id, and so its path under the actuator's base path. */
    public static final String ID = "supervision";

    private static final Map<String, ExitReason> SIGNALS =
            Map.of("kill", ExitReason.KILL, "shutdown", ExitReason.SHUTDOWN, "normal", ExitReason.NORMAL);

    /** The type of the audit event of a signal sent. */
    public static final String AUDIT_TYPE = "SUPERVISION_SIGNAL";

    private static final int ECHO_LIMIT = 100;

    private static final Logger log = LoggerFactory.getLogger(SupervisionEndpoint.class);

    private final SupervisionTree tree;
    private final Consumer<Map<String, Object>> audit;
    private final TreeReader reader;
    private final TargetResolver targets;
    private final RemoteNodes nodes;

    /** An endpoint over {@code tree} that audits nowhere. */
    public SupervisionEndpoint(SupervisionTree tree) {
        this(tree, data -> { });
    }

    /**
     * An endpoint over {@code tree} that hands the data of each signal sent to {@code audit}.
     *
     * @param tree the tree
     * @param audit receives target, pid and signal of each signal sent
     */
    public SupervisionEndpoint(SupervisionTree tree, Consumer<Map<String, Object>> audit) {
        this(tree, audit, null);
    }

    /**
     * An endpoint over {@code tree} that also reaches the other nodes of the application's cluster.
     *
     * @param tree the tree
     * @param audit receives target, pid and signal (and node, for another node's process) of each
     *     signal sent
     * @param nodes the cluster's other nodes, or null without a cluster
     */
    public SupervisionEndpoint(SupervisionTree tree, Consumer<Map<String, Object>> audit, @Nullable RemoteNodes nodes) {
        this.tree = tree;
        this.audit = audit;
        this.reader = new TreeReader(tree);
        this.targets = new TargetResolver(tree);
        this.nodes = nodes;
    }

    /**
     * The node and the whole tree ({@code GET /actuator/supervision}); with a cluster, named by its
     * cluster name and with the list of nodes.
     */
    @ReadOperation
    public TreeDescriptor tree() {
        TreeDescriptor local = reader.tree();
        return nodes == null ? local : new TreeDescriptor(nodes.localName(), local.root(), nodes.nodes());
    }

    /**
     * The tree of {@code node} ({@code GET /actuator/supervision?node=...}): this node's for null or
     * this node's own name, else the tree that node renders.
     *
     * @throws UnknownNodeException for a node never seen (any other name without a cluster)
     * @throws NodeUnavailableException for a node that is down or does not answer in time
     */
    public TreeDescriptor tree(@Nullable String node) {
        return elsewhere(node) ? remote(node).tree(node) : tree();
    }

    /**
     * One process of {@code node}, as {@link #process(String...)} for this node; null when there is none.
     *
     * @throws UnknownNodeException for a node never seen
     * @throws NodeUnavailableException for a node that is down or does not answer in time
     */
    public ProcessDescriptor processOn(@Nullable String node, String[] target) {
        if (!elsewhere(node)) {
            return process(target);
        }
        return remote(node).process(node, join(target)).map(RemoteProcess::process).orElse(null);
    }

    /**
     * {@link #signal} to a process of {@code node}. For another node, that node resolves the target and
     * must accept signals itself; the exit signal then goes from here to the remote pid, through the
     * runtime, as any exit signal to a remote process does.
     *
     * @throws RemoteSignalRefusedException when the other node's endpoint does not accept signals
     * @throws UnknownNodeException for a node never seen
     * @throws NodeUnavailableException for a node that is down or does not answer in time
     */
    public SignalDescriptor signalOn(@Nullable String node, String[] target, @Nullable String signal,
            @Nullable String confirm) {
        if (!elsewhere(node)) {
            return signal(target, signal, confirm);
        }
        ExitReason reason = exitReasonOf(signal);
        String joined = join(target);
        Optional<RemoteProcess> found = remote(node).process(node, joined).filter(p -> p.process() != null);
        if (found.isPresent() && found.get().root() && !UnconfirmedRootSignalException.CONFIRMATION.equals(confirm)) {
            throw new UnconfirmedRootSignalException(signal);
        }
        if (found.isEmpty() || found.get().pid() == null) {
            return null;
        }
        if (!found.get().signalsAllowed()) {
            throw new RemoteSignalRefusedException(node);
        }
        ProcessDescriptor process = found.get().process();
        boolean ignored = reason == ExitReason.NORMAL && !trapsExits(process);
        tree.runtime().exit(found.get().pid(), reason);
        String shown = MessageRendering.escape(joined, ECHO_LIMIT);
        log.warn("Operator sent '{}' to '{}' ({}) on node {} through the supervision endpoint{}", signal, shown,
                process.pid(), node, ignored ? "; it does not trap exits, so it ignored it" : "");
        audit.accept(Map.of("target", shown, "pid", String.valueOf(process.pid()), "signal", signal, "node", node));
        return new SignalDescriptor(joined, process.pid(), signal, ignored ? "ignored" : "delivered");
    }

    private static boolean trapsExits(ProcessDescriptor process) {
        return process.details() != null && process.details().trapExit();
    }

    /** Whether {@code node} names another node than this one. */
    private boolean elsewhere(@Nullable String node) {
        if (node == null || node.isBlank()) {
            return false;
        }
        return !node.equals(nodes == null ? tree.nodeName() : nodes.localName());
    }

    private RemoteNodes remote(String node) {
        if (nodes == null) {
            throw new UnknownNodeException(node, "this application is not part of a cluster (supervision.cluster.enabled"
                    + " is false); its node is '" + tree.nodeName() + "'");
        }
        return nodes;
    }

    /**
     * One process with its links and monitors, or null when there is none. The target is a registered
     * name, a child id path from the root such as {@code db/connector} (over HTTP it spans segments),
     * or a pid such as {@code 0.150.0}.
     */
    @ReadOperation
    public ProcessDescriptor process(@Selector(match = Selector.Match.ALL_REMAINING) String... target) {
        return reader.process(join(target)).orElse(null);
    }

    /**
     * Sends {@code signal} ({@code kill}, {@code shutdown} or {@code normal}) as an exit signal to the
     * target; its supervisor then does what its policy says. Null when no live process is there. A
     * signal to the root supervisor needs {@code confirm} set to {@code root}. Each signal sent is
     * logged once at WARN (target, signal, pid) and published as an {@code AuditApplicationEvent} of
     * type {@value #AUDIT_TYPE}. {@code normal} to a process that does not trap exits is ignored by
     * the runtime, as in OTP; the answer's {@code effect} says so.
     *
     * @throws InvalidEndpointRequestException for a missing or unknown signal
     * @throws UnconfirmedRootSignalException for a signal to the root without the confirmation
     */
    @WriteOperation
    public SignalDescriptor signal(@Selector(match = Selector.Match.ALL_REMAINING) String[] target,
            @Nullable String signal, @Nullable String confirm) {
        ExitReason reason = exitReasonOf(signal);
        String joined = join(target);
        Optional<TargetResolver.Found> found = targets.resolve(joined);
        if (found.orElse(null) instanceof TargetResolver.Root
                && !UnconfirmedRootSignalException.CONFIRMATION.equals(confirm)) {
            throw new UnconfirmedRootSignalException(signal);
        }
        Optional<Pid> pid = found.map(TargetResolver.Found::pid).filter(tree.runtime()::isAlive);
        if (pid.isEmpty()) {
            return null;
        }
        boolean ignored = reason == ExitReason.NORMAL
                && !tree.runtime().info(pid.get()).map(ProcessInfo::trapExit).orElse(false);
        tree.runtime().exit(pid.get(), reason);
        String shown = MessageRendering.escape(joined, ECHO_LIMIT);
        log.warn("Operator sent '{}' to '{}' ({}) through the supervision endpoint{}", signal, shown, pid.get(),
                ignored ? "; it does not trap exits, so it ignored it" : "");
        audit.accept(Map.of("target", shown, "pid", pid.get().toString(), "signal", signal));
        return new SignalDescriptor(joined, pid.get().toString(), signal, ignored ? "ignored" : "delivered");
    }

    /** The exit reason {@code signal} sends; refuses a missing or unknown one. */
    private static ExitReason exitReasonOf(@Nullable String signal) {
        if (signal == null || signal.isBlank()) {
            String problem = "'signal' is required: send {\"signal\": \"kill\"} (or shutdown, normal)";
            throw new InvalidEndpointRequestException(problem, problem);
        }
        ExitReason reason = SIGNALS.get(signal);
        if (reason == null) {
            String problem = "unknown signal '" + MessageRendering.escape(signal, ECHO_LIMIT)
                    + "' (use kill, shutdown or normal)";
            throw new InvalidEndpointRequestException(problem, problem);
        }
        return reason;
    }

    /** The target as one string: the segments of a child id path joined by {@code /}. */
    static String join(String[] target) {
        return String.join("/", target);
    }
}
