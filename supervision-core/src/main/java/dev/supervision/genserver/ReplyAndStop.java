package dev.supervision.genserver;

import dev.supervision.process.ExitReason;
import java.util.Objects;

/**
 * Answer the call and stop ({@code {stop, Reason, Reply, State}}): {@code terminate} runs first, then
 * the caller gets {@code reply}, then the process exits with {@code reason}.
 *
 * @param reason the exit reason
 * @param reply the answer
 * @param state the state handed to {@code terminate}
 * @param <S> the state type
 */
public record ReplyAndStop<S>(ExitReason reason, Object reply, S state) implements CallResult<S> {

    /** Requires a reason. */
    public ReplyAndStop {
        Objects.requireNonNull(reason, "reason");
    }
}
