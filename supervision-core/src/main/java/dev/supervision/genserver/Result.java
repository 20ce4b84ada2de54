package dev.supervision.genserver;

/**
 * What {@code handleCast}, {@code handleInfo} and {@code handleContinue} return: go on with
 * {@link NoReply}, or {@link Stop}.
 *
 * @param <S> the server's state
 */
public sealed interface Result<S> extends CallResult<S> permits NoReply, Stop {
}
