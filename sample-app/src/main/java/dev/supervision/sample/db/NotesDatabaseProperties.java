package dev.supervision.sample.db;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the connector's one JDBC connection goes, under {@code notes.db.*}. */
@ConfigurationProperties("notes.db")
public class NotesDatabaseProperties {

    /** The JDBC URL; H2 in memory by default, PostgreSQL with the 'postgres' profile. */
    private String url = "jdbc:h2:mem:notes;DB_CLOSE_DELAY=-1";

    /** The database user. */
    private String username = "sa";

    /** The database password. */
    private String password = "";

    /** How long a request waits for the connector before answering 503. */
    private Duration callTimeout = Duration.ofSeconds(2);

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }
}
