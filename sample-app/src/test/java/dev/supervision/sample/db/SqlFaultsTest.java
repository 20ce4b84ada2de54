package dev.supervision.sample.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which SQL errors are the request's own fault (answered) and which break the connection (crash). */
class SqlFaultsTest {

    @Test
    void dataExceptionsAndIntegrityViolationsAreTheRequestsFault() {
        for (String state : new String[] {"22021", "22001", "22P02", "23505", "23503"}) {
            assertThat(SqlFaults.isRequestsFault(new SQLException("x", state))).as(state).isTrue();
        }
    }

    @Test
    void brokenConnectionsAndServersAndTheUnforeseenAreNot() {
        for (String state : new String[] {"08003", "08006", "57P01", "57P02", "57P03", "57014", "40001", "XX000"}) {
            assertThat(SqlFaults.isRequestsFault(new SQLException("x", state))).as(state).isFalse();
        }
        assertThat(SqlFaults.isRequestsFault(new SQLException("no state"))).isFalse();
    }
}
