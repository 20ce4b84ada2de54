package dev.supervision.boot.autoconfigure.metrics;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.autoconfigure.SupervisionAutoConfiguration;
import dev.supervision.boot.cluster.ClusterMembership;
import dev.supervision.boot.metrics.ClusterMetrics;
import dev.supervision.boot.metrics.SupervisionMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the supervision meters, when Micrometer is present; Spring Boot's metrics
 * auto-configuration binds them to every registry; with a cluster, the node's meters too.
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

    /** The cluster meters, with supervision-cluster and a membership. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.supervision.cluster.ClusterNode")
    static final class Cluster {

        @Bean
        @ConditionalOnBean(ClusterMembership.class)
        @ConditionalOnMissingBean
        ClusterMetrics supervisionClusterMetrics(ClusterMembership membership) {
            return new ClusterMetrics(membership);
        }
    }
}
