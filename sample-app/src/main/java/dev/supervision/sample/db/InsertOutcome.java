package dev.supervision.sample.db;

/**
 * What became of an {@link DbRequest.InsertNote}: the request's own faults are answers, not crashes, so
 * the connector keeps its connection for everyone else.
 */
public sealed interface InsertOutcome {

    /**
     * Stored and committed now.
     *
     * @param note the new note
     */
    record Inserted(Note note) implements InsertOutcome {
    }

    /**
     * The idempotency key was stored before with the same text: nothing new was stored.
     *
     * @param original the note stored the first time
     */
    record Duplicate(Note original) implements InsertOutcome {
    }

    /**
     * The idempotency key was stored before with a different text: nothing was stored.
     *
     * @param idempotencyKey the key reused
     */
    record KeyReused(String idempotencyKey) implements InsertOutcome {
    }

    /**
     * The database refused the request's own data (SQLSTATE class 22, data exception, or 23, integrity
     * violation): nothing was stored, and the connection is fine.
     *
     * @param sqlState the SQLSTATE
     * @param driverMessage the driver's message, for the log only (it may quote the data)
     */
    record Rejected(String sqlState, String driverMessage) implements InsertOutcome {
    }

    /**
     * The caller's deadline passed before the insert started, or the insert was cancelled when it drew
     * near: nothing was stored. The caller has given up by then, so nobody normally sees this reply.
     */
    record Expired() implements InsertOutcome {
    }
}
