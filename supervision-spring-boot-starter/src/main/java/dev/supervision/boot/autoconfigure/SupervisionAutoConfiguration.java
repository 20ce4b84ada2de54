package dev.supervision.boot.autoconfigure;

import dev.supervision.boot.RootFailureHandler;
import dev.supervision.boot.ShutdownApplicationOnRootFailure;
import dev.supervision.boot.SingletonChildren;
import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.availability.MarkBrokenOnRootFailure;
import dev.supervision.boot.availability.RequiredChildrenReadiness;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.SupervisorClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Runs the supervision tree of {@code supervision.*} and the {@code @GenServer} beans; off with
 * {@code supervision.enabled=false}.
 */
@AutoConfiguration(after = SupervisionRuntimeAutoConfiguration.class)
@Import(SupervisionRuntimeAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "supervision.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SupervisionProperties.class)
public final class SupervisionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RootFailureHandler rootFailureHandler(SupervisionProperties properties, ConfigurableApplicationContext context) {
        return switch (properties.getOnRootFailure()) {
            case MARK_BROKEN -> new MarkBrokenOnRootFailure(context);
            case SHUTDOWN_APPLICATION -> new ShutdownApplicationOnRootFailure(context);
            case STAY_UP -> event -> { };
        };
    }

    @Bean
    @ConditionalOnMissingBean
    SupervisionTree supervisionTree(ProcessRuntime runtime, SupervisionProperties properties,
            ConfigurableListableBeanFactory beanFactory, RootFailureHandler rootFailureHandler, Environment environment,
            ObjectProvider<SupervisorClock> clock, ObjectProvider<SingletonChildren> singletons) {
        String nodeName = properties.getNodeName() != null ? properties.getNodeName()
                : environment.getProperty("spring.application.name", "local");
        SupervisionTreeFactory factory = new SupervisionTreeFactory(properties, beanFactory, environment,
                singletons.getIfUnique());
        return new SupervisionTree(runtime, factory.build(), properties.getRoot(), nodeName, rootFailureHandler,
                factory.layout(), clock.getIfUnique());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    RequiredChildrenReadiness requiredChildrenReadiness(SupervisionTree tree, ApplicationEventPublisher publisher) {
        return new RequiredChildrenReadiness(tree, tree.layout().requiredChildren(), publisher);
    }
}
