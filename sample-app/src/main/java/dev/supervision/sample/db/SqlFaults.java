package dev.supervision.sample.db;

import java.sql.SQLException;

/**
 * Whose fault an {@link SQLException} is, by its SQLSTATE: the request's (class 22, data exception,
 * such as a NUL byte PostgreSQL cannot store or a value too long; class 23, integrity constraint
 * violation) is answered to the caller; anything else (class 08 connection exceptions, 57P01 admin
 * shutdown, 57P02 crash shutdown, 57P03 cannot connect now, and whatever was not foreseen) means the
 * connection or the server is broken, and the connector lets it crash.
 */
public final class SqlFaults {

    /** SQLSTATE of a unique constraint violation. */
    public static final String UNIQUE_VIOLATION = "23505";

    /** SQLSTATE of a cancelled statement (PostgreSQL and H2). */
    public static final String QUERY_CANCELED = "57014";

    private SqlFaults() {
    }

    /** Whether {@code e} is the request's own fault (class 22 or 23), so the connection is still good. */
    public static boolean isRequestsFault(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }
}
