package dev.supervision.sample.cluster;

import dev.supervision.boot.cluster.ClusterMembership;
import dev.supervision.cluster.ClusterNode;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cluster/say-name?node=notes-b@127.0.0.1}: Elixir's
 * {@code Node.spawn_link(:"notes-b@127.0.0.1", fn -> IO.puts("I am #{node()}") end)}. A process here
 * spawn-links {@value SayName#SPAWNABLE} on that node, which logs {@code I am notes-b@127.0.0.1} there;
 * the answer is {@code 202} with the remote pid. A node never seen in the cluster is a {@code 404}
 * problem naming it, a known node that is not connected a {@code 503}, this node itself or a value that
 * is no node name a {@code 400}.
 */
@RestController
@ConditionalOnBooleanProperty("supervision.cluster.enabled")
public class SayNameController {

    /** How long the other node may take to spawn. */
    static final Duration SPAWN_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(SayNameController.class);
    private static final URI TYPE = URI.create("/api/cluster/say-name");
    private static final Pattern NODE_NAME = Pattern.compile("[^@\\s]{1,100}@[^@\\s]{1,155}");

    /**
     * What a spawn answers.
     *
     * @param node where the process runs
     * @param pid its pid, in this node's numbering of that node
     */
    public record Spawned(String node, String pid) {
    }

    private final ClusterMembership membership;
    private final ProcessRuntime runtime;

    /** Spawns through the node of {@code membership}, from a process of {@code runtime}. */
    public SayNameController(ClusterMembership membership, ProcessRuntime runtime) {
        this.membership = membership;
        this.runtime = runtime;
    }

    /** Spawn-links {@value SayName#SPAWNABLE} on {@code node}. */
    @PostMapping("/api/cluster/say-name")
    public ResponseEntity<?> sayName(@RequestParam String node) throws InterruptedException {
        String target = node.trim();
        if (!NODE_NAME.matcher(target).matches()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "'node' is not a node name: name@host, such as notes-b@127.0.0.1");
            problem.setType(TYPE);
            problem.setProperty("field", "node");
            return ResponseEntity.badRequest().body(problem);
        }
        if (target.equals(membership.name())) {
            return problem(HttpStatus.BAD_REQUEST, "'" + target + "' is this instance: name another node", target);
        }
        if (membership.member(target).isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "no node '" + target + "' in the cluster; connected: "
                    + membership.connected(), target);
        }
        ClusterNode self = membership.node().orElse(null);
        if (self == null || !membership.connected().contains(target)) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "node '" + target + "' is not reachable now", target);
        }
        CompletableFuture<Pid> spawned = new CompletableFuture<>();
        runtime.spawn(() -> {
            try {
                spawned.complete(self.spawnLink(target, SayName.SPAWNABLE, membership.name()));
            } catch (RuntimeException e) {
                spawned.completeExceptionally(e);
            }
        });
        try {
            Pid pid = spawned.get(SPAWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Spawned {} on {} as {}", SayName.SPAWNABLE, target, pid);
            return ResponseEntity.accepted().body(new Spawned(target, pid.toString()));
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Could not spawn {} on {}", SayName.SPAWNABLE, target, e);
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "node '" + target + "' did not spawn the process", target);
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String node) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(TYPE);
        problem.setProperties(Map.of("node", node));
        return ResponseEntity.status(status).body(problem);
    }
}
