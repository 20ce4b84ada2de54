package dev.supervision.boot.cluster;

import dev.supervision.boot.endpoint.NodeDescriptor;
import dev.supervision.boot.endpoint.NodeUnavailableException;
import dev.supervision.boot.endpoint.RemoteNodes;
import dev.supervision.boot.endpoint.RemoteProcess;
import dev.supervision.boot.endpoint.TreeDescriptor;
import dev.supervision.boot.endpoint.UnknownNodeException;
import dev.supervision.cluster.ClusterNode;
import dev.supervision.process.CallException;
import dev.supervision.process.CallTimeoutException;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.NodeDownException;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The endpoint's view of the other nodes, through their {@link SupervisionAdmin}s: every request is a
 * call to {@code supervision_admin} on that node that gives up after the timeout, so a node that
 * hangs costs a request the timeout at most, never a hang.
 */
public final class ClusterRemoteNodes implements RemoteNodes {

    private final ClusterMembership membership;
    private final ProcessRuntime runtime;
    private final Duration timeout;

    /**
     * Reaches the other nodes of {@code membership} from {@code runtime}.
     *
     * @param membership this node's membership
     * @param runtime this node's runtime
     * @param timeout how long another node may take to answer
     */
    public ClusterRemoteNodes(ClusterMembership membership, ProcessRuntime runtime, Duration timeout) {
        this.membership = membership;
        this.runtime = runtime;
        this.timeout = timeout;
    }

    @Override
    public String localName() {
        return membership.name();
    }

    /**
     * This node, then every member seen; what each connected member sees is asked of all of them at
     * once, and left out (null) for one that does not answer within the timeout.
     */
    @Override
    public List<NodeDescriptor> nodes() {
        List<ClusterMember> members = membership.members();
        Map<String, CompletableFuture<List<String>>> asked = members.stream().filter(ClusterMember::up)
                .collect(Collectors.toMap(ClusterMember::name, member -> runtime.callAsync(admin(member.name()),
                        new AdminRequest.Members(localName()), timeout)));
        List<NodeDescriptor> nodes = new ArrayList<>();
        long incarnation = membership.node().map(ClusterNode::incarnation).orElse(0L);
        nodes.add(new NodeDescriptor(localName(), membership.node().isPresent() ? NodeDescriptor.UP : NodeDescriptor.DOWN,
                incarnation, true, membership.connected()));
        for (ClusterMember member : members) {
            CompletableFuture<List<String>> sees = asked.get(member.name());
            nodes.add(new NodeDescriptor(member.name(), member.up() ? NodeDescriptor.UP : NodeDescriptor.DOWN,
                    member.incarnation(), false, sees == null ? null : sees.exceptionally(failure -> null).join()));
        }
        return nodes;
    }

    @Override
    public TreeDescriptor tree(String node) {
        return ask(node, new AdminRequest.Tree(localName()));
    }

    @Override
    public Optional<RemoteProcess> process(String node, String target) {
        return Optional.ofNullable(ask(node, new AdminRequest.Process(localName(), target)))
                .filter(found -> found.process() != null);
    }

    private <R> R ask(String node, Request<R> request) {
        ClusterMember member = membership.member(node).orElseThrow(() -> new UnknownNodeException(node,
                "known nodes: " + known()));
        if (!member.up()) {
            throw new NodeUnavailableException(node, "is down", false);
        }
        try {
            return runtime.call(admin(node), request, timeout);
        } catch (CallTimeoutException e) {
            throw new NodeUnavailableException(node, "did not answer within " + timeout.toMillis() + " ms", true);
        } catch (NodeDownException e) {
            throw new NodeUnavailableException(node, "went down before it answered", false);
        } catch (NoProcessException e) {
            throw new NodeUnavailableException(node, "runs no " + SupervisionAdmin.NAME
                    + " (it is not a Spring Boot application of the starter, or it is starting or stopping)", false);
        } catch (CallException e) {
            throw new NodeUnavailableException(node, "could not answer: " + e.getMessage(), false);
        }
    }

    private List<String> known() {
        List<String> names = new ArrayList<>(List.of(localName()));
        membership.members().forEach(member -> names.add(member.name()));
        return names;
    }

    private static ProcessRef admin(String node) {
        return ProcessRef.named(SupervisionAdmin.NAME, node);
    }
}
