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

    /**
     * Whether the call carried its deadline ({@link CallOptions#withDeadline}) and the caller has given
     * up (its timeout passed, it was interrupted, or it cancelled): a server should not start handling
     * it, since nobody waits for the answer. Always false for a call without a deadline, as in OTP,
     * where a server handles a request whose caller gave up.
     */
    boolean expired();
}
