package dev.supervision.sample.web;

import dev.supervision.process.CallException;
import dev.supervision.process.NoProcessException;

/**
 * What a client that got a {@code 503} knows about its write, the {@code outcome} field of the problem
 * document.
 */
public enum WriteOutcome {

    /**
     * Nothing was written: the connector was not there when the request came (it is restarting), so
     * the request never reached it. Safe to retry as it is.
     */
    NOT_ATTEMPTED("not_attempted"),

    /**
     * The call timed out or the connector died during it: the write may or may not be stored. Retry
     * with the same {@code Idempotency-Key}, which answers the original note if it was stored.
     */
    UNKNOWN("unknown");

    private final String value;

    WriteOutcome(String value) {
        this.value = value;
    }

    /** The value in the problem document. */
    public String value() {
        return value;
    }

    /** The outcome a failed call leaves the client with. */
    public static WriteOutcome of(CallException e) {
        return e instanceof NoProcessException ? NOT_ATTEMPTED : UNKNOWN;
    }
}
