package dev.supervision.boot.readme;

import dev.supervision.boot.GenServer;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.process.ProcessRuntime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/** The README's "GenServer beans" example, as printed there. */
@GenServer(name = "dbconnector")                  // bean "dbConnector", registered as dbconnector
class DbConnector implements GenServerBehaviour<Connection> {
    private final DataSourceProperties db;
    DbConnector(DataSourceProperties db) { this.db = db; }

    public Init<Connection> init(Object arg) throws SQLException {
        // owned by the process: closed when it exits, even when it is killed
        return Init.ok(ProcessRuntime.current().closeOnExit(
                DriverManager.getConnection(db.getUrl(), db.getUsername(), db.getPassword())));
    }
    // handleCall, handleCast, ... as in "Processes and GenServers"
}
