package dev.supervision.boot.autoconfigure.health;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.autoconfigure.SupervisionAutoConfiguration;
import dev.supervision.boot.health.SupervisionHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code supervision} health indicator, when Spring Boot's health support is
 * present and {@code management.health.supervision.enabled} is not {@code false}.
 */
@AutoConfiguration(after = SupervisionAutoConfiguration.class)
@ConditionalOnClass({AbstractHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
public final class SupervisionHealthAutoConfiguration {

    @Bean
    @ConditionalOnEnabledHealthIndicator("supervision")
    @ConditionalOnBean(SupervisionTree.class)
    @ConditionalOnMissingBean(name = "supervisionHealthIndicator")
    SupervisionHealthIndicator supervisionHealthIndicator(SupervisionTree tree) {
        return new SupervisionHealthIndicator(tree);
    }
}
