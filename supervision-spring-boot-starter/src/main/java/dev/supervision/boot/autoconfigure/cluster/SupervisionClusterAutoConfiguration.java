package dev.supervision.boot.autoconfigure.cluster;

import dev.supervision.boot.SingletonChildren;
import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.autoconfigure.SupervisionAutoConfiguration;
import dev.supervision.boot.autoconfigure.SupervisionProperties;
import dev.supervision.boot.cluster.AdminRequest;
import dev.supervision.boot.cluster.ClusterAdmin;
import dev.supervision.boot.cluster.ClusterMembership;
import dev.supervision.boot.cluster.ClusterRemoteNodes;
import dev.supervision.boot.cluster.ClusterSingletonChildren;
import dev.supervision.boot.endpoint.NodeDescriptor;
import dev.supervision.boot.endpoint.ProcessDescriptor;
import dev.supervision.boot.endpoint.RemoteNodes;
import dev.supervision.boot.endpoint.RemoteProcess;
import dev.supervision.boot.endpoint.TreeDescriptor;
import dev.supervision.boot.observer.KillPermission;
import dev.supervision.cluster.ClusterNode;
import dev.supervision.process.ProcessRuntime;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Makes the application a node of a cluster, when {@code supervision-cluster} is on the class path,
 * {@code supervision.cluster.enabled} is true and the tree runs: the {@link ClusterMembership} (joins before the tree
 * starts, leaves after it stopped), the {@link SingletonChildren} that run the children marked
 * {@code singleton} on one node of the cluster, the {@code supervision_admin} server other nodes ask for this
 * node's tree, and the {@link RemoteNodes} the endpoint reaches them with. The starter's own records
 * join the codec's allowlist by themselves.
 */
@AutoConfiguration(after = SupervisionAutoConfiguration.class,
        beforeName = {"dev.supervision.boot.autoconfigure.endpoint.SupervisionEndpointAutoConfiguration",
                "dev.supervision.boot.autoconfigure.health.SupervisionHealthAutoConfiguration",
                "dev.supervision.boot.autoconfigure.metrics.SupervisionMetricsAutoConfiguration",
                "dev.supervision.boot.autoconfigure.observer.SupervisionObserverAutoConfiguration"})
@ConditionalOnClass(ClusterNode.class)
@ConditionalOnBooleanProperty("supervision.cluster.enabled")
@ConditionalOnBean(SupervisionTree.class)
@EnableConfigurationProperties(SupervisionProperties.class)
public final class SupervisionClusterAutoConfiguration {

    /** What the starter's nodes send each other, allowlisted on every node of the starter. */
    static final List<String> STARTER_TYPES = Stream.of(AdminRequest.Tree.class, AdminRequest.Process.class,
            AdminRequest.Members.class, TreeDescriptor.class, NodeDescriptor.class, RemoteProcess.class,
            ProcessDescriptor.Worker.class, ProcessDescriptor.Supervisor.class, ProcessDescriptor.LastExit.class,
            ProcessDescriptor.Details.class).map(Class::getName).toList();

    @Bean
    @ConditionalOnMissingBean
    ClusterMembership supervisionClusterMembership(ProcessRuntime runtime, SupervisionProperties properties,
            Environment environment) {
        ClusterConfigFactory factory = factory(properties, environment);
        return new ClusterMembership(runtime, factory.build(STARTER_TYPES), factory.expectedMembers());
    }

    @Bean
    @ConditionalOnMissingBean
    SingletonChildren supervisionSingletonChildren(ClusterMembership membership) {
        return new ClusterSingletonChildren(membership);
    }

    @Bean
    @ConditionalOnMissingBean
    RemoteNodes supervisionRemoteNodes(ClusterMembership membership, SupervisionTree tree,
            SupervisionProperties properties, Environment environment) {
        return new ClusterRemoteNodes(membership, tree.runtime(), factory(properties, environment).remoteTimeout());
    }

    private static ClusterConfigFactory factory(SupervisionProperties properties, Environment environment) {
        return new ClusterConfigFactory(properties.getCluster(), environment, ClusterConfigFactory::localHostName);
    }

    /** With actuator: the admin server accepts signals exactly when this node's endpoint does. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EndpointAccessResolver.class)
    static final class WithActuator {

        @Bean
        @ConditionalOnMissingBean
        ClusterAdmin supervisionClusterAdmin(SupervisionTree tree, ClusterMembership membership,
                ObjectProvider<EndpointAccessResolver> access) {
            EndpointAccessResolver resolver = access.getIfUnique();
            return new ClusterAdmin(tree, membership, resolver == null ? () -> false : new KillPermission(resolver)::granted);
        }
    }

    /** Without actuator: the admin server shows this node and accepts no signal. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.boot.actuate.endpoint.EndpointAccessResolver")
    static final class WithoutActuator {

        @Bean
        @ConditionalOnMissingBean
        ClusterAdmin supervisionClusterAdmin(SupervisionTree tree, ClusterMembership membership) {
            return new ClusterAdmin(tree, membership, () -> false);
        }
    }
}
