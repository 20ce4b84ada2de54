package dev.supervision.boot.autoconfigure;

import dev.supervision.boot.RootFailureHandler;
import dev.supervision.boot.ShutdownApplicationOnRootFailure;
import dev.supervision.boot.SupervisionApplicationEvent;
import dev.supervision.boot.SupervisionTree;
import dev.supervision.process.ProcessRuntime;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Runs the supervision tree of {@code supervision.*} and the {@code @GenServer} beans; off with
 * {@code supervision.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "supervision.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SupervisionProperties.class)
public final class SupervisionAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ProcessRuntime supervisionRuntime(ApplicationEventPublisher publisher) {
        ProcessRuntime runtime = ProcessRuntime.create();
        runtime.events().subscribe(event -> publisher.publishEvent(new SupervisionApplicationEvent(runtime, event)));
        return runtime;
    }

    @Bean
    @ConditionalOnMissingBean
    RootFailureHandler rootFailureHandler(SupervisionProperties properties, ConfigurableApplicationContext context) {
        return switch (properties.getOnRootFailure()) {
            case SHUTDOWN_APPLICATION -> new ShutdownApplicationOnRootFailure(context);
            case STAY_UP -> event -> { };
        };
    }

    @Bean
    @ConditionalOnMissingBean
    SupervisionTree supervisionTree(ProcessRuntime runtime, SupervisionProperties properties,
            ConfigurableListableBeanFactory beanFactory, RootFailureHandler rootFailureHandler, Environment environment) {
        String nodeName = properties.getNodeName() != null ? properties.getNodeName()
                : environment.getProperty("spring.application.name", "local");
        return new SupervisionTree(runtime, new SupervisionTreeFactory(properties, beanFactory, environment).build(),
                properties.getRoot(), nodeName, rootFailureHandler);
    }
}
