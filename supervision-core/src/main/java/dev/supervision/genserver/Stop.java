package dev.supervision.genserver;

import dev.supervision.process.ExitReason;
import java.util.Objects;

/**
 * Stop the server ({@code {stop, Reason, State}}): {@code terminate(reason, state)} runs, then the
 * process exits with {@code reason}. A caller still waiting gets a {@code ServerExitException}.
 *
 * @param reason the exit reason
 * @param state the state handed to {@code terminate}
 * @param <S> the state type
 */
public record Stop<S>(ExitReason reason, S state) implements Result<S> {

    /** Requires a reason. */
    public Stop {
        Objects.requireNonNull(reason, "reason");
    }
}
