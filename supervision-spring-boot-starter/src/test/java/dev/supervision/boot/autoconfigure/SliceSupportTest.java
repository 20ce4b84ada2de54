package dev.supervision.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.autoconfigure.web.SupervisionWebAutoConfiguration;
import dev.supervision.boot.web.CallExceptionAdvice;
import dev.supervision.process.ProcessRuntime;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/**
 * What a {@code @WebMvcTest} slice gets from the starter: the runtime and the HTTP answers for failed
 * calls, listed in Spring Boot 4's {@code AutoConfigureWebMvc.imports}, and no tree.
 */
class SliceSupportTest {

    @Test
    void theWebMvcSliceImportsTheRuntimeAndTheCallAnswersOnly() throws Exception {
        String imports = new ClassPathResource(
                "META-INF/spring/org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureWebMvc.imports")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(imports.lines()).containsExactly(SupervisionRuntimeAutoConfiguration.class.getName(),
                SupervisionWebAutoConfiguration.class.getName());
    }

    @Test
    void thoseAutoConfigurationsGiveARuntimeAndNoTree() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SupervisionRuntimeAutoConfiguration.class,
                        SupervisionWebAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(ProcessRuntime.class).hasSingleBean(CallExceptionAdvice.class)
                            .doesNotHaveBean(SupervisionTree.class);
                });
    }
}
