package dev.supervision.boot.autoconfigure.observer;

import dev.supervision.boot.endpoint.SupervisionEndpoint;
import dev.supervision.boot.observer.ObserverConnections;
import dev.supervision.boot.observer.ObserverFeed;
import dev.supervision.boot.observer.ObserverHandlerMapping;
import dev.supervision.boot.observer.ObserverRequests;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The observer's web side, in the management context: the application's own context when the
 * management server shares its port, the child context of the management server otherwise, so the
 * page answers on the management port only. Present when {@link SupervisionObserverAutoConfiguration}
 * made the feed. Registered in
 * {@code META-INF/spring/org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration.imports}.
 */
@ManagementContextConfiguration(value = ManagementContextType.ANY, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean({ObserverFeed.class, PathMappedEndpoints.class})
final class SupervisionObserverManagementContextConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObserverConnections supervisionObserverConnections(ObserverFeed feed) {
        return new ObserverConnections(feed);
    }

    @Bean
    @ConditionalOnMissingBean
    ObserverHandlerMapping supervisionObserverHandlerMapping(ObserverConnections connections,
            PathMappedEndpoints endpoints) {
        return new ObserverHandlerMapping(endpoints.getPath(EndpointId.of(SupervisionEndpoint.ID)),
                new ObserverRequests(connections));
    }
}
