package dev.supervision.boot.autoconfigure.health;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.autoconfigure.SupervisionAutoConfiguration;
import dev.supervision.boot.cluster.ClusterMembership;
import dev.supervision.boot.health.ClusterHealthIndicator;
import dev.supervision.boot.health.SupervisionHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code supervision} health indicator, when Spring Boot's health support is
 * present and {@code management.health.supervision.enabled} is not {@code false}; and of the
 * {@code cluster} health indicator when the application is a node of a cluster
 * ({@code management.health.cluster.enabled} turns it off).
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

    /** The {@code cluster} health, with supervision-cluster and a membership. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.supervision.cluster.ClusterNode")
    static final class Cluster {

        @Bean
        @ConditionalOnEnabledHealthIndicator("cluster")
        @ConditionalOnBean(ClusterMembership.class)
        @ConditionalOnMissingBean(name = "clusterHealthIndicator")
        ClusterHealthIndicator clusterHealthIndicator(ClusterMembership membership) {
            return new ClusterHealthIndicator(membership);
        }
    }
}
