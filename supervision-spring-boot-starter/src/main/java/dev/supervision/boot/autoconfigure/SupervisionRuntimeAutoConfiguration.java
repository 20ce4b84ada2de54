package dev.supervision.boot.autoconfigure;

import dev.supervision.boot.SupervisionApplicationEvent;
import dev.supervision.process.ProcessRuntime;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * The application's one {@link ProcessRuntime} (its node), without the tree; its events are
 * republished as {@link SupervisionApplicationEvent}s. Test slices such as {@code @WebMvcTest} get
 * this (and the HTTP answers for failed calls) but not the tree, so a controller that injects the
 * runtime starts without mocks and its calls fail as calls to absent processes do.
 */
@AutoConfiguration(before = SupervisionAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "supervision.enabled", matchIfMissing = true)
public final class SupervisionRuntimeAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ProcessRuntime supervisionRuntime(ApplicationEventPublisher publisher) {
        ProcessRuntime runtime = ProcessRuntime.create();
        runtime.events().subscribe(event -> publisher.publishEvent(new SupervisionApplicationEvent(runtime, event)));
        return runtime;
    }
}
