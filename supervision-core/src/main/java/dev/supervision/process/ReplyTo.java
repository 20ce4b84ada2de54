package dev.supervision.process;

import java.util.Optional;

/**
 * The return address of one {@link Call} (Erlang's {@code From}). It may be kept and answered later,
 * from any thread: that is how a server defers a reply.
 *
 * <p>Only the first reply counts. A reply is dropped when the caller has stopped waiting (its timeout
 * passed or it died) and when it is sent by a process that has already been killed, so a late reply
 * never reaches anybody.
 */
public sealed interface ReplyTo permits CallSlot, AsyncCall, ForwardedCall {

    /** Answers the call; always returns, whether or not the caller still waits. */
    void reply(Object answer);

    /** The calling process, or empty when the caller is a plain thread. */
    Optional<Pid> caller();
}
