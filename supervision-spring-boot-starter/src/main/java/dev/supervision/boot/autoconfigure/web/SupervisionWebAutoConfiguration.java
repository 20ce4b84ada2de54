package dev.supervision.boot.autoconfigure.web;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.autoconfigure.SupervisionAutoConfiguration;
import dev.supervision.boot.web.CallExceptionAdvice;
import dev.supervision.boot.web.CallProblems;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Auto-configuration of {@link CallProblems} and, unless
 * {@code supervision.web.problem-details.enabled=false}, the {@link CallExceptionAdvice}, in servlet
 * web applications. It runs in {@code @WebMvcTest} slices too, where no tree runs.
 */
@AutoConfiguration(after = SupervisionAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ProblemDetail.class, RestControllerAdvice.class})
public final class SupervisionWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CallProblems supervisionCallProblems(ObjectProvider<SupervisionTree> tree) {
        return new CallProblems(tree.getIfAvailable(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "supervision.web.problem-details.enabled", matchIfMissing = true)
    CallExceptionAdvice supervisionCallExceptionAdvice(CallProblems problems) {
        return new CallExceptionAdvice(problems);
    }
}
