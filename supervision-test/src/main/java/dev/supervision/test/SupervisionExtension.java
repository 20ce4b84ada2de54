package dev.supervision.test;

import dev.supervision.process.ProcessRuntime;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test its own {@link ProcessRuntime} and {@link Supervised}, as parameters of the test
 * method (or of {@code @BeforeEach} methods), and cleans up after the test: first what was started
 * under supervision, then the runtime itself, so no process of one test outlives it.
 *
 * <pre>{@code
 * @ExtendWith(SupervisionExtension.class)
 * class CounterTest {
 *     @Test
 *     void countsCasts(ProcessRuntime runtime, Supervised supervised) {
 *         Pid counter = supervised.start(ChildSpec.worker("counter", Counter::new, null));
 *         runtime.cast(counter, new Increment(2));
 *         assertThat(runtime.call(counter, new Get())).isEqualTo(2);
 *     }
 * }
 * }</pre>
 */
public final class SupervisionExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SupervisionExtension.class);

    /** The runtime and supervision of one test, closed by JUnit when the test ends. */
    private record TestResources(ProcessRuntime runtime, Supervised supervised) implements AutoCloseable {
        @Override
        public void close() {
            try {
                supervised.close();
            } finally {
                runtime.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ProcessRuntime.class || type == Supervised.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        TestResources resources = resourcesOf(context);
        return parameter.getParameter().getType() == ProcessRuntime.class ? resources.runtime() : resources.supervised();
    }

    private static TestResources resourcesOf(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(TestResources.class, key -> {
            ProcessRuntime runtime = ProcessRuntime.create();
            return new TestResources(runtime, new Supervised(runtime));
        }, TestResources.class);
    }
}
