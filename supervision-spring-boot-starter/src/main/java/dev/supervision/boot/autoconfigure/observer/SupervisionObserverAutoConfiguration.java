package dev.supervision.boot.autoconfigure.observer;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.autoconfigure.endpoint.SupervisionEndpointAutoConfiguration;
import dev.supervision.boot.endpoint.SupervisionEndpoint;
import dev.supervision.boot.observer.KillPermission;
import dev.supervision.boot.observer.ObserverFeed;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Auto-configuration of the observer page, only when asked for ({@code supervision.observer.enabled}),
 * in a servlet web application whose {@code supervision} endpoint is exposed over HTTP. It makes the
 * feed of updates here; {@link SupervisionObserverManagementContextConfiguration} serves the page and
 * the stream in the management context, wherever that runs.
 */
@AutoConfiguration(after = {SupervisionEndpointAutoConfiguration.class, EndpointAutoConfiguration.class})
@ConditionalOnClass({SseEmitter.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("supervision.observer.enabled")
public final class SupervisionObserverAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnAvailableEndpoint(endpoint = SupervisionEndpoint.class, exposure = EndpointExposure.WEB)
    @ConditionalOnBean({SupervisionTree.class, SupervisionEndpoint.class, EndpointAccessResolver.class})
    @ConditionalOnMissingBean
    ObserverFeed supervisionObserverFeed(SupervisionTree tree, SupervisionEndpoint endpoint,
            EndpointAccessResolver accessResolver) {
        return new ObserverFeed(tree.runtime().events(), endpoint::tree, new KillPermission(accessResolver)::granted);
    }
}
