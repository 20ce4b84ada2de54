package dev.supervision.sample.db;

/**
 * A note a mailer holds the claim of and is to mail.
 *
 * @param note the note
 * @param messageId the mail's Message-ID, the same whoever sends it and however often: a mail server
 *        that drops a Message-ID it has seen sends the note once even if two mailers send it
 * @param resend whether a mailer that held this claim before had started sending it and then lost the
 *        claim (it stopped or was paused): it may or may not have sent it
 */
public record MailJob(Note note, String messageId, boolean resend) {

    /** The Message-ID of {@code note}: its id and creation time, so a database started afresh reuses none. */
    public static String messageIdOf(Note note) {
        long micros = note.createdAt().toInstant().getEpochSecond() * 1_000_000 + note.createdAt().getNano() / 1_000;
        return "<note-" + note.id() + "." + micros + "@notes.sample>";
    }
}
