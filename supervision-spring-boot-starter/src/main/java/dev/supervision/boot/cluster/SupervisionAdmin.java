package dev.supervision.boot.cluster;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.endpoint.ProcessDescriptor;
import dev.supervision.boot.endpoint.RemoteProcess;
import dev.supervision.boot.endpoint.TreeReader;
import dev.supervision.boot.endpoint.TreeDescriptor;
import dev.supervision.genserver.CallResult;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.Reply;
import dev.supervision.process.Pid;
import dev.supervision.process.ReplyTo;
import java.util.function.BooleanSupplier;

/**
 * The GenServer every node of the starter registers as {@value #NAME}: it answers other nodes'
 * {@link AdminRequest}s about this node with the endpoint's own descriptors, rendered here from this
 * node's snapshots. It only reads; a signal to one of its processes goes from the asking node through
 * the runtime's exit signal to the pid it answered.
 */
public final class SupervisionAdmin implements GenServerBehaviour<TreeReader> {

    /** The registered name of the admin server on every node. */
    public static final String NAME = "supervision_admin";

    private final SupervisionTree tree;
    private final ClusterMembership membership;
    private final BooleanSupplier signalsAllowed;

    /**
     * Answers for {@code tree}, this node's, as the member {@code membership} makes it.
     *
     * @param tree this node's tree
     * @param membership this node's membership in the cluster
     * @param signalsAllowed whether this node's own endpoint accepts signals now
     */
    public SupervisionAdmin(SupervisionTree tree, ClusterMembership membership, BooleanSupplier signalsAllowed) {
        this.tree = tree;
        this.membership = membership;
        this.signalsAllowed = signalsAllowed;
    }

    @Override
    public Init<TreeReader> init(Object arg) {
        return Init.ok(new TreeReader(tree));
    }

    @Override
    public CallResult<TreeReader> handleCall(Object request, ReplyTo from, TreeReader local) {
        Object answer = switch (request) {
            case AdminRequest.Tree ignored -> new TreeDescriptor(membership.name(), local.tree().root());
            case AdminRequest.Process process -> describe(local, process.target());
            case AdminRequest.Members ignored -> membership.connected();
            default -> "unknown request " + request.getClass().getName();
        };
        return new Reply<>(answer, local);
    }

    private RemoteProcess describe(TreeReader local, String target) {
        ProcessDescriptor found = local.process(target).orElse(null);
        if (found == null) {
            return new RemoteProcess(null, null, false, signalsAllowed.getAsBoolean());
        }
        Pid parsed = found.pid() == null ? null : Pid.parse(found.pid());
        boolean root = parsed != null && tree.rootPid().map(parsed::equals).orElse(false);
        return new RemoteProcess(found, parsed, root, signalsAllowed.getAsBoolean());
    }
}
