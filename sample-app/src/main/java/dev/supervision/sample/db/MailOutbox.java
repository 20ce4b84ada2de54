package dev.supervision.sample.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailers' protocol in the database, safe with any number of mailers on any number of instances
 * at once: claim a batch, then for each note mark it being sent (the fence), send, record it sent.
 * Every step is one autocommit statement, and every time is the database's clock, so instances need
 * not agree on the time.
 *
 * <ul>
 *   <li>A claim ({@code mail_claims}, one row per note, its primary key the note's id) names the owner
 *       (the instance) and the token of one mailer's lifetime. Claiming inserts the rows, so two mailers
 *       can never both claim a note: on PostgreSQL {@code FOR UPDATE SKIP LOCKED} spreads concurrent
 *       claimers over different notes and {@code ON CONFLICT DO NOTHING} drops a row claimed meanwhile; on
 *       H2 a claimer that meets a row claimed meanwhile claims nothing this round.</li>
 *   <li>A claim nobody touched for the lease is taken over, and so is one of this instance's earlier
 *       mailer (same owner, another token: one mailer runs per instance).</li>
 *   <li>Marking a note being sent is a compare-and-set on the token that also renews the claim: a
 *       mailer whose claim was taken over (it was paused, or slow) learns it there and does not send.</li>
 *   <li>A note is recorded sent in {@code outbox} after it was sent, never before: a crash in between
 *       sends it again under the same Message-ID rather than never.</li>
 * </ul>
 *
 * {@code docs/data-safety.md} goes through a crash between each step.
 */
public final class MailOutbox {

    private static final String CREATE_CLAIMS = "CREATE TABLE IF NOT EXISTS mail_claims ("
            + "note_id BIGINT PRIMARY KEY REFERENCES notes(id), owner VARCHAR(200) NOT NULL, "
            + "token VARCHAR(64) NOT NULL, claimed_at TIMESTAMP WITH TIME ZONE NOT NULL, "
            + "sending_at TIMESTAMP WITH TIME ZONE)";
    private static final String INDEX_TOKEN = "CREATE INDEX IF NOT EXISTS mail_claims_token ON mail_claims (token)";
    private static final String ADD_SENT_BY = "ALTER TABLE outbox ADD COLUMN IF NOT EXISTS sent_by VARCHAR(200)";

    private static final String NOT_SENT = "NOT EXISTS (SELECT 1 FROM outbox o WHERE o.note_id = %s)";
    /** A claim another mailer may take: untouched for the lease, or this instance's from an earlier mailer. */
    private static final String TAKEABLE = "(%1$sclaimed_at < CURRENT_TIMESTAMP - CAST(? AS BIGINT) * INTERVAL '0.001' SECOND"
            + " OR (%1$sowner = ? AND %1$stoken <> ?))";
    private static final String TAKE_OVER = "UPDATE mail_claims SET owner = ?, token = ?, claimed_at = CURRENT_TIMESTAMP"
            + " WHERE " + TAKEABLE.formatted("") // checked again on the row itself, once any concurrent taker is done
            + " AND note_id IN (SELECT c.note_id FROM mail_claims c WHERE " + TAKEABLE.formatted("c.")
            + " AND " + NOT_SENT.formatted("c.note_id") + " ORDER BY c.note_id LIMIT ?)";
    private static final String UNCLAIMED = "SELECT n.id, ?, ?, CURRENT_TIMESTAMP FROM notes n"
            + " WHERE NOT EXISTS (SELECT 1 FROM mail_claims c WHERE c.note_id = n.id) AND " + NOT_SENT.formatted("n.id")
            + " ORDER BY n.id LIMIT ?";
    private static final String INSERT_CLAIMS = "INSERT INTO mail_claims (note_id, owner, token, claimed_at) ";
    private static final String CLAIMED = "SELECT n.id, n.text, n.created_at, c.sending_at FROM mail_claims c"
            + " JOIN notes n ON n.id = c.note_id WHERE c.token = ? AND " + NOT_SENT.formatted("c.note_id")
            + " ORDER BY n.id LIMIT ?";
    private static final String START_SENDING = "UPDATE mail_claims SET sending_at = CURRENT_TIMESTAMP,"
            + " claimed_at = CURRENT_TIMESTAMP WHERE note_id = ? AND token = ? AND " + NOT_SENT.formatted("?");
    private static final String RECORD_SENT = "INSERT INTO outbox (note_id, sent_at, sent_by)"
            + " SELECT CAST(? AS BIGINT), CURRENT_TIMESTAMP, CAST(? AS VARCHAR(200)) WHERE " + NOT_SENT.formatted("?");

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final String claimNew;

    private MailOutbox(String claimNew) {
        this.claimNew = claimNew;
    }

    /** Creates the tables the protocol needs if they are missing, and picks the statements for this database. */
    static MailOutbox create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_CLAIMS);
            statement.execute(INDEX_TOKEN);
            statement.execute(ADD_SENT_BY);
        }
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        return new MailOutbox(postgres
                ? INSERT_CLAIMS + UNCLAIMED + " FOR UPDATE OF n SKIP LOCKED ON CONFLICT (note_id) DO NOTHING"
                : INSERT_CLAIMS + UNCLAIMED);
    }

    /**
     * Takes over claims that lapsed, claims new notes, and answers every note {@code request}'s mailer
     * holds and has not recorded sent, at most {@code request.limit()}.
     */
    List<MailJob> claim(Connection connection, DbRequest.ClaimMail request) throws SQLException {
        int taken = takeOver(connection, request);
        if (taken > 0) {
            log.info("Mail claims taken over: {} by {} (they lapsed, or an earlier mailer of {} held them)", taken,
                    request.owner(), request.owner());
        }
        if (taken < request.limit()) {
            claimNew(connection, request, request.limit() - taken);
        }
        try (PreparedStatement select = connection.prepareStatement(CLAIMED)) {
            select.setString(1, request.token());
            select.setInt(2, request.limit());
            try (ResultSet rows = select.executeQuery()) {
                List<MailJob> jobs = new ArrayList<>();
                while (rows.next()) {
                    Note note = new Note(rows.getLong(1), rows.getString(2), rows.getObject(3, OffsetDateTime.class));
                    jobs.add(new MailJob(note, MailJob.messageIdOf(note), rows.getObject(4) != null));
                }
                return jobs;
            }
        }
    }

    private static int takeOver(Connection connection, DbRequest.ClaimMail request) throws SQLException {
        long leaseMillis = request.lease().toMillis();
        try (PreparedStatement update = connection.prepareStatement(TAKE_OVER)) {
            int i = 0;
            update.setString(++i, request.owner());
            update.setString(++i, request.token());
            for (int twice = 0; twice < 2; twice++) {
                update.setLong(++i, leaseMillis);
                update.setString(++i, request.owner());
                update.setString(++i, request.token());
            }
            update.setInt(++i, request.limit());
            return update.executeUpdate();
        }
    }

    private void claimNew(Connection connection, DbRequest.ClaimMail request, int limit) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(claimNew)) {
            insert.setString(1, request.owner());
            insert.setString(2, request.token());
            insert.setInt(3, limit);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!SqlFaults.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            // H2: another mailer claimed one of these notes meanwhile; the whole insert rolled back, try next round
        }
    }

    /** Marks a note being sent if {@code token} still holds its claim, renewing it; {@code false}: do not send. */
    boolean startSending(Connection connection, DbRequest.StartSending request) throws SQLException {
        return changesOneRow(connection, START_SENDING, request.noteId(), request.token());
    }

    /** Records a note sent, once whatever happens; answers whether this was the first record. */
    boolean recordSent(Connection connection, DbRequest.RecordSent request) throws SQLException {
        try {
            return changesOneRow(connection, RECORD_SENT, request.noteId(), request.owner());
        } catch (SQLException e) {
            if (SqlFaults.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false; // recorded meanwhile by a mailer that took the claim over
            }
            throw e;
        }
    }

    /** Runs {@code sql} with the parameters (note, value, note); whether it changed one row. */
    private static boolean changesOneRow(Connection connection, String sql, long noteId, String value)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, noteId);
            statement.setString(2, value);
            statement.setLong(3, noteId);
            return statement.executeUpdate() == 1;
        }
    }
}
