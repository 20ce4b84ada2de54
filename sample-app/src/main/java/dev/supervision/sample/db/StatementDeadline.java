package dev.supervision.sample.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs statements of one request against its deadline: a statement is not started once the deadline
 * is near, and is cancelled from another (virtual) thread if it is still running then ({@link
 * Statement#setQueryTimeout} counts whole seconds, too coarse for a call timeout of two). Either way
 * {@link Exceeded} is thrown and nothing the statement did is committed.
 */
final class StatementDeadline {

    /** A statement of the request was not run, or was cancelled, because the deadline came. */
    static final class Exceeded extends Exception {

        private static final long serialVersionUID = 1L;

        Exceeded() {
            super("the caller's deadline passed", null, false, false);
        }
    }

    /** What a statement does, given it. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    private final Instant cancelAt;

    /** Cancels statements {@code margin} before {@code deadline}. */
    StatementDeadline(Instant deadline, Duration margin) {
        this.cancelAt = deadline.minus(margin);
    }

    /** Whether there is no time left to start a statement. */
    boolean passed() {
        return !Instant.now().isBefore(cancelAt);
    }

    /** Runs {@code work} on {@code statement}, cancelling it at the deadline. */
    <T> T run(Statement statement, Work<T> work) throws SQLException, Exceeded {
        Duration left = Duration.between(Instant.now(), cancelAt);
        if (left.isNegative() || left.isZero()) {
            throw new Exceeded();
        }
        Watch watch = new Watch(statement, left);
        try {
            return work.run();
        } catch (SQLException e) {
            if (watch.cancelled() && SqlFaults.QUERY_CANCELED.equals(e.getSQLState())) {
                throw new Exceeded();
            }
            throw e;
        } finally {
            watch.stop();
        }
    }

    /** The thread that cancels one statement unless stopped first. */
    private static final class Watch {

        private final Statement statement;
        private final Thread thread;
        private boolean stopped;
        private boolean cancelled;

        Watch(Statement statement, Duration after) {
            this.statement = statement;
            this.thread = Thread.ofVirtual().name("statement-deadline").start(() -> cancelAfter(after));
        }

        private void cancelAfter(Duration after) {
            try {
                Thread.sleep(after);
            } catch (InterruptedException e) {
                return; // stopped in time
            }
            synchronized (this) {
                if (stopped) {
                    return;
                }
                cancelled = true;
                try {
                    statement.cancel();
                } catch (SQLException e) {
                    // the statement ends on its own, or the connection is broken and the statement says so
                }
            }
        }

        synchronized boolean cancelled() {
            return cancelled;
        }

        synchronized void stop() {
            stopped = true;
            thread.interrupt();
        }
    }
}
