package dev.supervision.boot.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The README's DbConnector bean under the tree the README's YAML declares: it opens its own
 * connection, and a kill closes it (the database sees one session fewer) before the restart opens a new one.
 */
@SpringBootTest(classes = ReadmeDbConnectorExampleTest.App.class, properties = {
    "spring.datasource.url=jdbc:h2:mem:readme;DB_CLOSE_DELAY=-1",
    "spring.datasource.username=sa",
    "supervision.on-root-failure=stay-up",
    "supervision.supervisors.root.children[0].bean=dbConnector",
    "supervision.supervisors.root.children[0].required=true"
})
class ReadmeDbConnectorExampleTest {

    /** Found by scanning, as a user's beans are: so its bean name is {@code dbConnector}. */
    @SpringBootApplication
    @EnableConfigurationProperties(DataSourceProperties.class)
    static class App {
    }

    @Autowired
    ProcessRuntime runtime;

    @Test
    void aKillClosesTheConnectionAndTheRestartOpensAnother() throws Exception {
        try (Connection observer = DriverManager.getConnection("jdbc:h2:mem:readme", "sa", "")) {
            await().until(() -> sessions(observer) == 2); // the observer and the connector's own
            Pid before = runtime.whereis("dbconnector").orElseThrow();
            runtime.exit(before, ExitReason.KILL);
            Pid after = await().until(() -> runtime.whereis("dbconnector").orElse(before), pid -> !pid.equals(before));
            assertThat(after).isNotEqualTo(before);
            await().until(() -> sessions(observer) == 2); // the old session closed, a new one open
        }
    }

    private static int sessions(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
