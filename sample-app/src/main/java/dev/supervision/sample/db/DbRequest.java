package dev.supervision.sample.db;

import dev.supervision.process.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The calls the {@code dbconnector} process answers; each names the type of its reply.
 *
 * @param <R> the reply's type
 */
public sealed interface DbRequest<R> extends Request<R> {

    /**
     * Insert a note and commit it, at most once per idempotency key; answers an {@link InsertOutcome}.
     * The connector does not start the insert once {@code deadline} has passed (the caller has given up),
     * and cancels it if it is still running shortly before then, so a caller that timed out finds no row
     * it was not told about, unless the commit and the timeout cross within that margin.
     *
     * @param text the note's text
     * @param idempotencyKey the client's key for this note, or {@code null} for none
     * @param deadline when the caller stops waiting
     */
    record InsertNote(String text, String idempotencyKey, Instant deadline) implements DbRequest<InsertOutcome> {
    }

    /** All notes, newest first; answers a {@code List<Note>}. */
    record ListNotes() implements DbRequest<List<Note>> {
    }

    /**
     * For a mailer: take over claims that lapsed (nobody touched them for {@code lease}) or that an
     * earlier mailer of this instance held, claim notes nobody claimed, and answer every note this
     * mailer holds and has not recorded sent, oldest first; answers a {@code List<MailJob>}.
     *
     * @param owner this instance's name, recorded with the claims
     * @param token this mailer's token, one per mailer's lifetime
     * @param limit how many notes at most
     * @param lease how long a claim nobody touches holds
     */
    record ClaimMail(String owner, String token, int limit, Duration lease) implements DbRequest<List<MailJob>> {
    }

    /**
     * Mark a note being sent, if {@code token} still holds its claim (renewing it); answers whether to
     * send it. {@code false}: another mailer took the claim over, or the note was recorded sent.
     *
     * @param noteId the note
     * @param token the mailer's token
     */
    record StartSending(long noteId, String token) implements DbRequest<Boolean> {
    }

    /**
     * Record that a note was sent, once whatever happens; answers whether this record was the first.
     *
     * @param noteId the note sent
     * @param owner the instance that sent it
     */
    record RecordSent(long noteId, String owner) implements DbRequest<Boolean> {
    }
}
