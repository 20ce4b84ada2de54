package dev.supervision.sample.mail;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The mailer's settings, under {@code notes.mailer.*}. */
@ConfigurationProperties("notes.mailer")
@Validated
public class MailerProperties {

    /** How often the mailer looks for new notes. */
    @NotNull
    private Duration interval = Duration.ofMillis(500);

    /** The most notes claimed and sent per round. */
    @Min(1)
    private int batch = 50;

    /**
     * This instance's name, recorded with its claims and its mails: unique among the instances that share
     * the database. By default the host name and the process id.
     */
    @NotNull
    @Pattern(regexp = "[!-~]{1,200}", message = "must be 1 to 200 printable ASCII characters, no spaces")
    private String instance = defaultInstance();

    /**
     * How long a claim holds while its mailer does not touch it (each note's start renews it); then
     * another instance's mailer takes it over. Longer than sending one note can take.
     */
    @NotNull
    private Duration lease = Duration.ofSeconds(10);

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

    public String getInstance() {
        return instance;
    }

    public void setInstance(String instance) {
        this.instance = instance;
    }

    public Duration getLease() {
        return lease;
    }

    /** Sets the lease; at least a millisecond, as the database counts it in milliseconds. */
    public void setLease(Duration lease) {
        if (lease != null && lease.toMillis() < 1) {
            throw new IllegalArgumentException("notes.mailer.lease must be at least 1ms, was " + lease);
        }
        this.lease = lease;
    }

    private static String defaultInstance() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost").replaceAll("[^!-~]", "");
        return (host.isEmpty() ? "localhost" : host) + "-" + ProcessHandle.current().pid();
    }
}
