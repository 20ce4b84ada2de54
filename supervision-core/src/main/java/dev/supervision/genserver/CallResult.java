package dev.supervision.genserver;

/**
 * What {@link GenServerBehaviour#handleCall} returns: a {@link Reply}, a {@link ReplyAndStop}, or any
 * {@link Result} ({@link NoReply} to answer later through the {@code ReplyTo}, {@link Stop}).
 *
 * @param <S> the server's state
 */
public sealed interface CallResult<S> permits Reply, ReplyAndStop, Result {

    /** The state the server continues with (or terminates with). */
    S state();
}
