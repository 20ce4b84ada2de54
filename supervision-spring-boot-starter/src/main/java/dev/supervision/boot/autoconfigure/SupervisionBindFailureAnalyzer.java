package dev.supervision.boot.autoconfigure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionFailedException;

/**
 * A {@code supervision.*} value that does not convert (an unknown strategy, a malformed duration):
 * the key, the value as written, and, for a choice, the valid values spelled as the README spells them
 * ({@code one-for-all}). Runs before Spring Boot's own analyzer, which would list {@code ONE_FOR_ALL}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class SupervisionBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        if (cause.getProperty() == null || !cause.getProperty().getName().toString().startsWith("supervision.")) {
            return null;
        }
        String key = cause.getProperty().getName().toString();
        Object value = cause.getProperty().getValue();
        ConversionFailedException conversion = findCause(cause, ConversionFailedException.class);
        Object[] choices = conversion == null ? null : conversion.getTargetType().getType().getEnumConstants();
        String action = choices == null
                ? "Update " + key + " in your application configuration."
                : "Set " + key + " to one of: " + Arrays.stream(choices)
                        .map(choice -> ((Enum<?>) choice).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .collect(Collectors.joining(", ")) + ".";
        return new FailureAnalysis("Invalid supervision configuration: property '" + key + "' has the value '"
                + value + "', which is not valid here" + (cause.getProperty().getOrigin() == null ? "."
                        : " (from " + cause.getProperty().getOrigin() + ")."), action, cause);
    }
}
