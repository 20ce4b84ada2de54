package dev.supervision.boot.endpoint;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * The {@code supervision} actuator endpoint: the tree, one process, and signals for failure drills.
 * Read-only by default: the signal operation exists only with
 * {@code management.endpoint.supervision.access=unrestricted}.
 */
@WebEndpoint(id = "supervision", defaultAccess = Access.READ_ONLY)
public class SupervisionEndpoint {

    private static final Map<String, ExitReason> SIGNALS =
            Map.of("kill", ExitReason.KILL, "shutdown", ExitReason.SHUTDOWN, "normal", ExitReason.NORMAL);

    private final SupervisionTree tree;
    private final TreeView view;
    private final Descriptors descriptors;
    private final TargetResolver targets;

    /** An endpoint over {@code tree}. */
    public SupervisionEndpoint(SupervisionTree tree) {
        this.tree = tree;
        this.view = new TreeView(tree);
        this.descriptors = view.descriptors();
        this.targets = new TargetResolver(tree);
    }

    /** {@code GET /actuator/supervision}: the node and the whole tree. */
    @ReadOperation
    public TreeDescriptor tree() {
        return view.render();
    }

    /**
     * {@code GET /actuator/supervision/{target}}: one process with its links and monitors, or 404. The
     * target may span segments: a child id path such as {@code db/connector}.
     */
    @ReadOperation
    public WebEndpointResponse<Object> process(@Selector(match = Selector.Match.ALL_REMAINING) String[] path) {
        String target = String.join("/", path);
        Optional<TargetResolver.Found> found = targets.resolve(target);
        if (found.isEmpty()) {
            return notFound(target);
        }
        return new WebEndpointResponse<>(switch (found.get()) {
            case TargetResolver.Root root -> descriptors.root(tree.rootId(), root.snapshot(), true);
            case TargetResolver.Child child -> descriptors.child(child.snapshot(), true);
            case TargetResolver.Loose loose -> descriptors.loose(loose.info());
        });
    }

    /**
     * {@code POST /actuator/supervision/{target}} with {@code {"signal": "kill"}} (or {@code shutdown},
     * {@code normal}): sends that exit signal; the supervisor then does what its policy says.
     */
    @WriteOperation
    public WebEndpointResponse<Object> signal(@Selector(match = Selector.Match.ALL_REMAINING) String[] path,
            String signal) {
        String target = String.join("/", path);
        ExitReason reason = SIGNALS.get(signal);
        if (reason == null) {
            return new WebEndpointResponse<>(new ErrorDescriptor(
                    "unknown signal '" + signal + "' (use kill, shutdown or normal)"), WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        Pid pid = targets.resolve(target).map(TargetResolver.Found::pid).orElse(null);
        if (pid == null || !tree.runtime().isAlive(pid)) {
            return notFound(target);
        }
        tree.runtime().exit(pid, reason);
        return new WebEndpointResponse<>(new SignalDescriptor(target, pid.toString(), signal));
    }

    private static WebEndpointResponse<Object> notFound(String target) {
        return new WebEndpointResponse<>(new ErrorDescriptor("no process '" + target
                + "' (give a registered name, a child id path such as db/connector, or a pid such as 0.150.0)"),
                WebEndpointResponse.STATUS_NOT_FOUND);
    }
}
