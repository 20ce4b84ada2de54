package dev.supervision.boot.autoconfigure.endpoint;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.autoconfigure.SupervisionAutoConfiguration;
import dev.supervision.boot.endpoint.RemoteNodes;
import dev.supervision.boot.endpoint.SupervisionEndpoint;
import dev.supervision.boot.endpoint.SupervisionEndpointWebExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code supervision} actuator endpoint, when actuator is present, the tree
 * runs, and the endpoint is available (its access is not {@code none} and it is exposed over HTTP or
 * JMX); its web extension joins it when it is exposed over HTTP. With a cluster
 * ({@code supervision.cluster.enabled}) it reaches the other nodes through their admin servers.
 */
@AutoConfiguration(after = SupervisionAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
public final class SupervisionEndpointAutoConfiguration {

    @Bean
    @ConditionalOnAvailableEndpoint
    @ConditionalOnBean(SupervisionTree.class)
    @ConditionalOnMissingBean
    SupervisionEndpoint supervisionEndpoint(SupervisionTree tree, ApplicationEventPublisher publisher,
            ObjectProvider<RemoteNodes> cluster) {
        return new SupervisionEndpoint(tree, data -> publisher.publishEvent(
                new AuditApplicationEvent("actuator", SupervisionEndpoint.AUDIT_TYPE, data)), cluster.getIfUnique());
    }

    @Bean
    @ConditionalOnAvailableEndpoint(endpoint = SupervisionEndpoint.class, exposure = EndpointExposure.WEB)
    @ConditionalOnBean(SupervisionEndpoint.class)
    @ConditionalOnMissingBean
    SupervisionEndpointWebExtension supervisionEndpointWebExtension(SupervisionEndpoint endpoint) {
        return new SupervisionEndpointWebExtension(endpoint);
    }
}
