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
    private final TreeView view;
    private final Descriptors descriptors;
    private final TargetResolver targets;

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
        this.tree = tree;
        this.audit = audit;
        this.view = new TreeView(tree);
        this.descriptors = view.descriptors();
        this.targets = new TargetResolver(tree);
    }

    /** The node and the whole tree ({@code GET /actuator/supervision}). */
    @ReadOperation
    public TreeDescriptor tree() {
        return view.render();
    }

    /**
     * One process with its links and monitors, or null when there is none. The target is a registered
     * name, a child id path from the root such as {@code db/connector} (over HTTP it spans segments),
     * or a pid such as {@code 0.150.0}.
     */
    @ReadOperation
    public ProcessDescriptor process(@Selector(match = Selector.Match.ALL_REMAINING) String... target) {
        return targets.resolve(join(target)).map(found -> switch (found) {
            case TargetResolver.Root root -> descriptors.root(tree.rootId(), root.snapshot(), true);
            case TargetResolver.Child child -> descriptors.child(child.snapshot(), true);
            case TargetResolver.Loose loose -> descriptors.loose(loose.info());
        }).orElse(null);
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

    /** The target as one string: the segments of a child id path joined by {@code /}. */
    static String join(String[] target) {
        return String.join("/", target);
    }
}
