package dev.supervision.sample.cluster;

import dev.supervision.boot.cluster.ClusterMembership;
import dev.supervision.cluster.ClusterNode;
import dev.supervision.cluster.singleton.ClusterSingletons;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.sample.mail.Mailer;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cluster/mailer}: where this instance sees the mailer (a cluster singleton) run, and who
 * holds its global name here ({@link MailerPlacement}). Read-only; each instance answers from its own
 * view, so two instances that answer the same have settled. A {@code 503} while this node is not a
 * member of its cluster.
 */
@RestController
@ConditionalOnBooleanProperty("supervision.cluster.enabled")
public class MailerPlacementController {

    private final ClusterMembership membership;
    private final ProcessRuntime runtime;

    /** Reads the singletons and the global names of the node of {@code membership}. */
    public MailerPlacementController(ClusterMembership membership, ProcessRuntime runtime) {
        this.membership = membership;
        this.runtime = runtime;
    }

    /** Where the mailer runs as this node sees it. */
    @GetMapping("/api/cluster/mailer")
    public ResponseEntity<?> mailer() {
        Optional<ClusterNode> joined = membership.node();
        if (joined.isEmpty()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE, "node '" + membership.name() + "' is not a member of its cluster now"));
        }
        ClusterNode node = joined.get();
        ClusterSingletons singletons = ClusterSingletons.of(node);
        // the singleton is declared when the tree starts its manager: before that it runs nowhere here
        String owner = singletons.ids().contains(Mailer.NAME) ? singletons.singletonOwner(Mailer.NAME).orElse(null) : null;
        String holder = node.globalNames().whereis(Mailer.NAME).map(node::nodeOf).orElse(null);
        return ResponseEntity.ok(new MailerPlacement(node.name(), owner, runtime.whereis(Mailer.NAME).isPresent(), holder));
    }
}
