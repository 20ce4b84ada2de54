package dev.supervision.boot.actuate;

import dev.supervision.boot.autoconfigure.SupervisionAutoConfiguration;
import dev.supervision.boot.autoconfigure.SupervisionTree;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The actuator side of supervision, each part present only when the application has what it needs:
 * the {@code supervision} endpoint (actuator, and the endpoint exposed), the {@code supervision} health
 * indicator (Spring Boot health), and the meters (Micrometer).
 */
@AutoConfiguration(after = SupervisionAutoConfiguration.class)
@ConditionalOnBean(SupervisionTree.class)
public final class SupervisionActuatorAutoConfiguration {

    /** The endpoint, when actuator is present and the endpoint is available. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebEndpoint.class)
    static final class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint(SupervisionEndpoint.class)
        SupervisionEndpoint supervisionEndpoint(SupervisionTree tree) {
            return new SupervisionEndpoint(tree);
        }
    }

    /** The health indicator, named {@code supervision}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AbstractHealthIndicator.class)
    static final class HealthConfiguration {

        @Bean
        @ConditionalOnEnabledHealthIndicator("supervision")
        @ConditionalOnMissingBean(name = "supervisionHealthIndicator")
        SupervisionHealthIndicator supervisionHealthIndicator(SupervisionTree tree) {
            return new SupervisionHealthIndicator(tree);
        }
    }

    /** The observer page, only when asked for, in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SseEmitter.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBooleanProperty("supervision.observer.enabled")
    static final class ObserverConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        ObserverStream supervisionObserverStream(SupervisionTree tree, Environment environment,
                ObjectProvider<SupervisionEndpoint> endpoint) {
            boolean unrestricted = "unrestricted".equalsIgnoreCase(
                    environment.getProperty("management.endpoint.supervision.access", "read-only").replace('_', '-'));
            return new ObserverStream(tree, unrestricted && endpoint.getIfAvailable() != null);
        }

        @Bean
        @ConditionalOnMissingBean
        ObserverController supervisionObserverController(ObserverStream stream) {
            return new ObserverController(stream);
        }
    }

    /** The meters, bound to every registry by Spring Boot's metrics auto-configuration. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static final class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        SupervisionMetrics supervisionMetrics(SupervisionTree tree) {
            return new SupervisionMetrics(tree);
        }
    }
}
