package dev.supervision.sample.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The mailer's settings, under {@code notes.mailer.*}. */
@ConfigurationProperties("notes.mailer")
public class MailerProperties {

    /** How often the mailer looks for new notes. */
    private Duration interval = Duration.ofMillis(500);

    /** The most notes sent per round. */
    private int batch = 50;

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    public int getBatch() {
        return batch;
    }

    public void setBatch(int batch) {
        this.batch = batch;
    }
}
