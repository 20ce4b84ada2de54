package dev.supervision.genserver;

import dev.supervision.process.ExitReason;
import java.util.Objects;

/**
 * What {@link GenServerBehaviour#init} returns.
 *
 * @param <S> the server's state
 */
public sealed interface Init<S> {

    /** Start with {@code state} ({@code {ok, State}}). */
    static <S> Init<S> ok(S state) {
        return new Ok<>(state, Action.NONE);
    }

    /** Start with {@code state}, then {@code next} (a timeout or a continue). */
    static <S> Init<S> ok(S state, Action next) {
        return new Ok<>(state, next);
    }

    /** Do not start: the process exits {@code normal} and start returns ignored ({@code ignore}). */
    static <S> Init<S> ignore() {
        return new Ignore<>();
    }

    /** Do not start: the process exits with {@code reason} and start fails with it ({@code {stop, Reason}}). */
    static <S> Init<S> stop(ExitReason reason) {
        return new Stop<>(reason);
    }

    /**
     * Started.
     *
     * @param state the initial state
     * @param next what to do before the first message
     * @param <S> the state type
     */
    record Ok<S>(S state, Action next) implements Init<S> {
        /** Requires an action. */
        public Ok {
            Objects.requireNonNull(next, "next");
        }
    }

    /**
     * Ignored.
     *
     * @param <S> the state type
     */
    record Ignore<S>() implements Init<S> {
    }

    /**
     * Refused to start.
     *
     * @param reason the exit reason
     * @param <S> the state type
     */
    record Stop<S>(ExitReason reason) implements Init<S> {
        /** Requires a reason. */
        public Stop {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
