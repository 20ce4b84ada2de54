package dev.supervision.boot.web;

import dev.supervision.process.CallException;
import dev.supervision.process.NoProcessException;

/** What a client whose call failed knows about it: the {@code outcome} field of the problem document. */
public enum CallOutcome {

    /** The target was not there (it is restarting, say): the request never reached it. Safe to retry. */
    NOT_ATTEMPTED("not_attempted"),

    /** The call timed out or the server exited during it: it may or may not have taken effect. */
    UNKNOWN("unknown");

    private final String value;

    CallOutcome(String value) {
        this.value = value;
    }

    /**
     * The value in the problem document.
     *
     * @return {@code not_attempted} or {@code unknown}
     */
    public String value() {
        return value;
    }

    /**
     * The outcome a failed call leaves the client with.
     *
     * @param failure the call's failure
     * @return {@link #NOT_ATTEMPTED} for a {@link NoProcessException}, else {@link #UNKNOWN}
     */
    public static CallOutcome of(CallException failure) {
        return failure instanceof NoProcessException ? NOT_ATTEMPTED : UNKNOWN;
    }
}
