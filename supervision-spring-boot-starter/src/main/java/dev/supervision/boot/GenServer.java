package dev.supervision.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Makes a class implementing {@code GenServerBehaviour} a supervised process. The class is a
 * prototype-scoped component: every start and every restart asks the bean factory for a fresh
 * instance, so constructor injection works and no state survives a crash.
 *
 * <pre>{@code
 * @GenServer(name = "dbconnector")
 * class DbConnector implements GenServerBehaviour<Connection> {
 *     DbConnector(DataSourceProperties db) { ... }
 *     ...
 * }
 * }</pre>
 *
 * <p>The tree in {@code supervision.*} places it; a bean the properties do not place runs under the
 * root supervisor with the defaults.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public @interface GenServer {

    /** The bean name; the child id when the properties do not give one. Defaults to the class name, decapitalised. */
    @AliasFor(annotation = Component.class)
    String value() default "";

    /** The name the process registers under (e.g. {@code dbconnector}); none by default. */
    String name() default "";
}
