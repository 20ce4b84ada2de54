package dev.supervision.supervisor;

import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Matches the {@code EXIT} that the process of a failed start leaves behind to its child. A start
 * that fails because its new process ended (killed while its init ran, or its init refused) returns
 * no pid, but the process was linked to the supervisor, so its {@code EXIT} is already in the
 * supervisor's mailbox when the start returns. Each failed start is expected here, then settled by a
 * {@link StartSettled} the supervisor sends itself behind that {@code EXIT}; failed starts happen one
 * after another, so only the oldest unsettled one can match the next {@code EXIT} from an unknown pid.
 */
final class FailedStartExits {

    private record Expected(long token, Child child, ExitReason reason) {
    }

    private final ArrayDeque<Expected> expected = new ArrayDeque<>();
    private long nextToken;

    /** Expects the {@code EXIT} of {@code child}'s failed start; returns the message that settles it. */
    StartSettled expect(Child child, ExitReason reason) {
        long token = nextToken++;
        expected.addLast(new Expected(token, child, reason));
        return new StartSettled(token);
    }

    /** The child whose failed start {@code exit} (from a pid no child has) comes from, if any. */
    Optional<Child> claim(ExitMessage exit) {
        Expected oldest = expected.peekFirst();
        if (oldest == null || !oldest.reason().equals(exit.reason())) {
            return Optional.empty();
        }
        expected.pollFirst();
        return Optional.of(oldest.child());
    }

    /** No {@code EXIT} is coming any more for that start (none came, or it was claimed). */
    void settle(StartSettled settled) {
        expected.removeIf(entry -> entry.token() == settled.token());
    }
}
