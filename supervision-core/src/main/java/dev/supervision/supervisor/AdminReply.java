package dev.supervision.supervisor;

/**
 * How a supervisor answers an admin call. Refusals are values: the supervisor never builds an
 * exception for its caller; the caller's side ({@link Supervisor#ask}) turns {@link Refused} into a
 * {@link SupervisorException} and {@link Invalid} into an {@link IllegalArgumentException}.
 */
sealed interface AdminReply {

    /** The one {@link Done}. */
    AdminReply DONE = new Done();

    /** Done; nothing to return. */
    record Done() implements AdminReply {
    }

    /**
     * The answer.
     *
     * @param value what the call returns
     */
    record Value(Object value) implements AdminReply {
    }

    /**
     * Refused with OTP's reason.
     *
     * @param problem the reason
     * @param child the child named in the call
     */
    record Refused(SupervisorException.Problem problem, Object child) implements AdminReply {
    }

    /**
     * The call itself is wrong (a spec this supervisor cannot take, a request it does not know).
     *
     * @param message what is wrong
     */
    record Invalid(String message) implements AdminReply {
    }
}
