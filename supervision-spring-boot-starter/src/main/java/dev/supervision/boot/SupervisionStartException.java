package dev.supervision.boot;

import dev.supervision.genserver.StartException;
import dev.supervision.genserver.StartResult;
import dev.supervision.process.ExitReason;
import dev.supervision.supervisor.FailedToStartChild;
import java.util.Optional;

/**
 * The supervision tree did not start because a child failed to start (its bean could not be created
 * or its {@code init} failed). A failure at start-up is not retried: the supervisor gives up at once,
 * as in OTP, so start-up fails with this.
 */
public class SupervisionStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String childId;

    /** The root supervisor did not start, as {@code failure} says. */
    public SupervisionStartException(StartException failure) {
        super(describe(failure), failure);
        this.childId = failedChild(failure).map(FailedToStartChild::id).orElse(null);
    }

    /** The id of the child that failed to start, or null when the failure names none. */
    public String getChildId() {
        return childId;
    }

    private static String describe(StartException failure) {
        return failedChild(failure)
                .map(child -> "child '" + child.id() + "' failed to start: " + reason(child.reason()))
                .orElse("the root supervisor failed to start: " + failure.getMessage());
    }

    private static String reason(ExitReason reason) {
        if (reason instanceof ExitReason.Crash crash) {
            Throwable root = crash.error();
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
        return String.valueOf(reason);
    }

    private static Optional<FailedToStartChild> failedChild(StartException failure) {
        if (failure.result() instanceof StartResult.Failed failed
                && failed.reason() instanceof ExitReason.Shutdown shutdown
                && shutdown.detail() instanceof FailedToStartChild child) {
            return Optional.of(child);
        }
        return Optional.empty();
    }
}
