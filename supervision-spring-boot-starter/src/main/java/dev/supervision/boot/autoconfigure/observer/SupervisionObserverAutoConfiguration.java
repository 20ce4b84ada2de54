package dev.supervision.boot.autoconfigure.observer;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.autoconfigure.endpoint.SupervisionEndpointAutoConfiguration;
import dev.supervision.boot.endpoint.SupervisionEndpoint;
import dev.supervision.boot.observer.ObserverController;
import dev.supervision.boot.observer.ObserverStream;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Auto-configuration of the observer page, only when asked for ({@code supervision.observer.enabled}),
 * in a servlet web application whose {@code supervision} endpoint exists.
 */
@AutoConfiguration(after = SupervisionEndpointAutoConfiguration.class)
@ConditionalOnClass({SseEmitter.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("supervision.observer.enabled")
@ConditionalOnBean({SupervisionTree.class, SupervisionEndpoint.class})
public final class SupervisionObserverAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ObserverStream supervisionObserverStream(SupervisionTree tree, SupervisionEndpoint endpoint, Environment environment) {
        boolean unrestricted = "unrestricted".equalsIgnoreCase(
                environment.getProperty("management.endpoint.supervision.access", "read-only").replace('_', '-'));
        return new ObserverStream(tree.runtime(), endpoint::tree, unrestricted);
    }

    @Bean
    @ConditionalOnMissingBean
    ObserverController supervisionObserverController(ObserverStream stream) {
        return new ObserverController(stream);
    }
}
