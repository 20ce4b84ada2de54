package dev.supervision.genserver;

import java.util.Objects;

/**
 * Answer the call and go on ({@code {reply, Reply, State}} and {@code {reply, Reply, State, Action}}).
 *
 * @param reply the answer
 * @param state the new state
 * @param next what to do before the next message
 * @param <S> the state type
 */
public record Reply<S>(Object reply, S state, Action next) implements CallResult<S> {

    /** Requires an action. */
    public Reply {
        Objects.requireNonNull(next, "next");
    }

    /** Answer with {@code reply} and keep {@code state}. */
    public Reply(Object reply, S state) {
        this(reply, state, Action.NONE);
    }
}
