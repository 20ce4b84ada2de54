package dev.supervision.genserver;

import java.util.Objects;

/**
 * Go on without answering now ({@code {noreply, State}}); in {@code handleCall} the answer is given
 * later through the {@code ReplyTo}, from any thread.
 *
 * @param state the new state
 * @param next what to do before the next message
 * @param <S> the state type
 */
public record NoReply<S>(S state, Action next) implements Result<S> {

    /** Requires an action. */
    public NoReply {
        Objects.requireNonNull(next, "next");
    }

    /** Keep {@code state}. */
    public NoReply(S state) {
        this(state, Action.NONE);
    }
}
