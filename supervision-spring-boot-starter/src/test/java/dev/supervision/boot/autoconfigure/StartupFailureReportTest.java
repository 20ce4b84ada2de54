package dev.supervision.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import dev.supervision.boot.WebTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A real {@code SpringApplication} with a typo: Spring Boot's failure report, no wall of stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {

    @Test
    void aTypoGetsTheFailureReportNamingTheKey(CapturedOutput output) {
        assertThatException().isThrownBy(() -> new SpringApplicationBuilder(WebTestApplication.class)
                .web(WebApplicationType.NONE).properties("supervision.supervisors.root.stratgy=one-for-all").run());
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START",
                "supervision.supervisors.root.stratgy").doesNotContain("\tat org.springframework");
    }

    @Test
    void aBadChoiceGetsTheValidValues(CapturedOutput output) {
        assertThatException().isThrownBy(() -> new SpringApplicationBuilder(WebTestApplication.class)
                .web(WebApplicationType.NONE).properties("supervision.on-root-failure=explode").run());
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START",
                "supervision.on-root-failure", "'explode'", "mark-broken, shutdown-application, stay-up")
                .doesNotContain("\tat org.springframework");
    }
}
