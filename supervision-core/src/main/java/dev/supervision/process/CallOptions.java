package dev.supervision.process;

import java.time.Duration;

/**
 * How a call waits: its timeout, and whether it carries its deadline to the server.
 *
 * <p>Without a deadline (the default, OTP's semantics) a server handles every request it receives,
 * even one whose caller has already given up: a write queued behind a slow one still runs, after its
 * caller got a timeout. With a deadline, a request whose caller has given up by the time the server
 * reaches it is dropped unhandled (a GenServer does not call {@code handleCall}): use it for writes
 * whose caller reports "failed" on a timeout, so that nothing runs that nobody waits for. A request
 * the server has already started is not stopped: a deadline prevents late starts, not late finishes.
 *
 * @param timeout how long the caller waits; non-negative, {@link ProcessRuntime#INFINITY} for ever
 * @param deadline whether the server skips the request once the caller has given up
 */
public record CallOptions(Duration timeout, boolean deadline) {

    /** Validates the timeout. */
    public CallOptions {
        Timeouts.requireTimeout(timeout);
    }

    /** Waits {@code timeout}; no deadline, as in OTP. */
    public static CallOptions of(Duration timeout) {
        return new CallOptions(timeout, false);
    }

    /** Waits {@code timeout}, and the server skips the request if it reaches it after that. */
    public static CallOptions withDeadline(Duration timeout) {
        return new CallOptions(timeout, true);
    }
}
