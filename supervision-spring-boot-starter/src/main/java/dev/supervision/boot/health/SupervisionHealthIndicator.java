package dev.supervision.boot.health;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.supervisor.ChildSnapshot;
import dev.supervision.supervisor.ChildStatus;
import dev.supervision.supervisor.SupervisorSnapshot;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code supervision} health: UP while the root supervisor runs, DOWN once it gave up (or before
 * it started), with the counts of running, restarting, stopped and given-up processes in the tree.
 */
public class SupervisionHealthIndicator extends AbstractHealthIndicator {

    private final SupervisionTree tree;

    /** Health of {@code tree}. */
    public SupervisionHealthIndicator(SupervisionTree tree) {
        super("Supervision health check failed");
        this.tree = tree;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<SupervisorSnapshot> snapshot = tree.snapshot();
        if (snapshot.isEmpty()) {
            builder.down().withDetail("root", tree.rootGaveUp() ? "gave_up" : "stopped").withDetail("gaveUp",
                    tree.rootGaveUp() ? 1 : 0);
            return;
        }
        Map<ChildStatus, Integer> counts = new EnumMap<>(ChildStatus.class);
        counts.merge(snapshot.get().gaveUp() ? ChildStatus.GAVE_UP : ChildStatus.RUNNING, 1, Integer::sum);
        count(snapshot.get(), counts);
        builder.up()
                .withDetail("root", snapshot.get().pid().toString())
                .withDetail("running", counts.getOrDefault(ChildStatus.RUNNING, 0))
                .withDetail("restarting", counts.getOrDefault(ChildStatus.RESTARTING, 0))
                .withDetail("stopped", counts.getOrDefault(ChildStatus.STOPPED, 0))
                .withDetail("gaveUp", counts.getOrDefault(ChildStatus.GAVE_UP, 0));
    }

    private static void count(SupervisorSnapshot supervisor, Map<ChildStatus, Integer> counts) {
        for (ChildSnapshot child : supervisor.children()) {
            ChildStatus status = child.supervisor() != null && child.supervisor().gaveUp() ? ChildStatus.GAVE_UP : child.status();
            counts.merge(status, 1, Integer::sum);
            if (child.supervisor() != null) {
                count(child.supervisor(), counts);
            }
        }
    }
}
