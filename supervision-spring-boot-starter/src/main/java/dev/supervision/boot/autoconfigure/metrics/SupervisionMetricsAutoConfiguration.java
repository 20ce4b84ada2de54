package dev.supervision.boot.autoconfigure.metrics;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.autoconfigure.SupervisionAutoConfiguration;
import dev.supervision.boot.metrics.SupervisionMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the supervision meters, when Micrometer is present; Spring Boot's metrics
 * auto-configuration binds them to every registry.
 */
@AutoConfiguration(after = SupervisionAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
public final class SupervisionMetricsAutoConfiguration {

    @Bean
    @ConditionalOnBean(SupervisionTree.class)
    @ConditionalOnMissingBean
    SupervisionMetrics supervisionMetrics(SupervisionTree tree) {
        return new SupervisionMetrics(tree);
    }
}
