package dev.supervision.boot.web;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.TreeLayout;
import dev.supervision.process.CallException;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.ProcessName;
import dev.supervision.supervisor.ChildSnapshot;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds the {@code 503} answer for a failed call: an RFC 9457 problem document
 * ({@code application/problem+json}) with an {@code outcome} field and a {@code Retry-After} header.
 * {@code Retry-After} is the real remaining backoff of the target's child when it is restarting (from
 * {@code ChildSnapshot.restartAt()}, rounded up to whole seconds, at least 1), else 1 second.
 * Applications with their own error handling inject it to answer calls the same way.
 */
public class CallProblems {

    private final SupervisionTree tree;
    private final Clock clock;

    /**
     * Answers for calls to the processes of {@code tree} (null: no tree, so {@code Retry-After} is 1).
     *
     * @param tree the tree whose children's backoffs give {@code Retry-After}, or null
     * @param clock the wall clock that {@code restartAt} is compared with
     */
    public CallProblems(SupervisionTree tree, Clock clock) {
        this.tree = tree;
        this.clock = clock;
    }

    /**
     * The {@code 503} answer for {@code failure}.
     *
     * @param failure the call's failure
     * @param detail the problem's detail, for humans
     * @param instance the problem's instance (the request path), or null
     * @return the answer
     */
    public ResponseEntity<ProblemDetail> answer(CallException failure, String detail, URI instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setInstance(instance);
        problem.setProperty("outcome", CallOutcome.of(failure).value());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter(failure).toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * How long a client should wait before it retries: the remaining backoff of the restarting child
     * registered under the call's target name, rounded up to whole seconds and at least 1; else 1 s.
     *
     * @param failure the call's failure
     * @return at least one second, in whole seconds
     */
    public Duration retryAfter(CallException failure) {
        Optional<Instant> due = failure instanceof NoProcessException missing
                && missing.target() instanceof ProcessName name && tree != null
                ? tree.snapshot().flatMap(root -> TreeLayout.child(root, tree.layout().namedChildren().get(name.name())))
                        .map(ChildSnapshot::restartAt)
                : Optional.empty();
        long millis = due.map(at -> Duration.between(clock.instant(), at).toMillis()).orElse(0L);
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
    }

}
