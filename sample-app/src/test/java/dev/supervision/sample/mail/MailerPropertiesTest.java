package dev.supervision.sample.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The mailer's settings: a bad one fails start-up, naming the property. */
class MailerPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MailerProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theInstanceNameAndLeaseAreBound() {
        context.withPropertyValues("notes.mailer.instance=notes-a", "notes.mailer.lease=3s").run(started -> {
            MailerProperties properties = started.getBean(MailerProperties.class);
            assertThat(properties.getInstance()).isEqualTo("notes-a");
            assertThat(properties.getLease()).isEqualTo(Duration.ofSeconds(3));
        });
    }

    @Test
    void theDefaultInstanceNameIsTheHostAndThePid() {
        context.run(started -> assertThat(started.getBean(MailerProperties.class).getInstance())
                .endsWith("-" + ProcessHandle.current().pid()).matches("[!-~]{1,200}"));
    }

    @Test
    void anInstanceNameWithASpaceFailsStartUpNamingTheProperty() {
        context.withPropertyValues("notes.mailer.instance=notes a").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("notes.mailer.instance")
                    .hasMessageContaining("printable ASCII");
        });
    }

    @Test
    void aLeaseUnderAMillisecondFailsStartUpNamingTheProperty() {
        context.withPropertyValues("notes.mailer.lease=0s").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("notes.mailer.lease");
        });
    }
}
