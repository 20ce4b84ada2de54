package dev.supervision.sample;

import static org.awaitility.Awaitility.await;

import dev.supervision.sample.cluster.MailerPlacement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Where the mailer, a cluster singleton, runs across sample instances: each instance's own answer to
 * {@code GET /api/cluster/mailer} over real HTTP, and the singleton manager's
 * {@code singleton 'mailer' started here} line in an instance's output.
 */
final class MailerWatch {

    private static final String STARTED = "singleton 'mailer' started here";
    private static final String STOPPED = "singleton 'mailer' stopped here";

    private MailerWatch() {
    }

    /**
     * Waits until every one of {@code instances} says the same for {@code quiet} on end: the same owner, that
     * owner's process holding the global name, and the mailer running on that owner's instance only; returns
     * the owner's node. Fails, with the last answers, if that does not happen within {@code atMost}.
     */
    static String awaitSettled(List<SampleInstance> instances, Duration quiet, Duration atMost) {
        AtomicReference<List<MailerPlacement>> last = new AtomicReference<>(List.of());
        try {
            await("the mailer settled on one instance, as every instance sees it").atMost(atMost)
                    .pollInterval(Duration.ofMillis(200)).during(quiet).ignoreExceptions()
                    .until(() -> settledOwner(placements(instances, last)).isPresent());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the instances did not settle where the mailer runs; their last answers: " + last.get(), e);
        }
        return settledOwner(last.get()).orElseThrow();
    }

    private static List<MailerPlacement> placements(List<SampleInstance> instances,
            AtomicReference<List<MailerPlacement>> last) throws Exception {
        List<MailerPlacement> answers = new ArrayList<>();
        for (SampleInstance instance : instances) {
            answers.add(instance.http().mailerPlacement());
        }
        last.set(answers);
        return answers;
    }

    /** The owner every answer agrees on, with its global name and the only running mailer; else empty. */
    static Optional<String> settledOwner(List<MailerPlacement> answers) {
        if (answers.isEmpty() || answers.getFirst().owner() == null) {
            return Optional.empty();
        }
        String owner = answers.getFirst().owner();
        boolean agreed = answers.stream().allMatch(answer -> owner.equals(answer.owner()) && owner.equals(answer.globalName())
                && answer.runningHere() == owner.equals(answer.node()));
        boolean runsOnOne = answers.stream().filter(MailerPlacement::runningHere).count() == 1;
        return agreed && runsOnOne ? Optional.of(owner) : Optional.empty();
    }

    /** The instance of {@code instances} whose node is {@code node}. */
    static SampleInstance onNode(List<SampleInstance> instances, String node) {
        return instances.stream().filter(instance -> ClusterNodes.node(instance.name()).equals(node)).findFirst()
                .orElseThrow(() -> new AssertionError("no instance is node " + node + " among " + instances));
    }

    /** Waits until {@code instance} prints that it started the mailer after {@code since}; returns when it did. */
    static Instant awaitStarted(SampleInstance instance, Instant since, Duration atMost) {
        await(instance.name() + " starts the mailer").atMost(atMost).pollInterval(Duration.ofMillis(20))
                .until(() -> line(instance, STARTED, since).isPresent());
        return line(instance, STARTED, since).orElseThrow();
    }

    /** When {@code instance} printed, after {@code since}, that it stopped the mailer, if it did. */
    static Optional<Instant> stopped(SampleInstance instance, Instant since) {
        return line(instance, STOPPED, since);
    }

    /**
     * When {@code instance} last saw node {@code node} come up ({@code node NODE is up}: a join or a merge)
     * before {@code until}, if it did.
     */
    static Optional<Instant> lastNodeUp(SampleInstance instance, String node, Instant until) {
        String text = "node " + node + " is up";
        return instance.lines().stream().filter(line -> line.arrived().isBefore(until) && line.text().contains(text))
                .map(SampleInstance.Line::arrived).reduce((first, second) -> second);
    }

    private static Optional<Instant> line(SampleInstance instance, String text, Instant since) {
        return instance.lines().stream().filter(line -> !line.arrived().isBefore(since) && line.text().contains(text))
                .map(SampleInstance.Line::arrived).findFirst();
    }

    /** {@code from} to {@code to} in seconds, for the printed figures. */
    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
