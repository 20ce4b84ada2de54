package dev.supervision.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid supervision tree (or cluster configuration) into Spring Boot's start-up failure report: the key, the value, the fix. */
class SupervisionConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSupervisionConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSupervisionConfigurationException cause) {
        return new FailureAnalysis(
                (cause.getKey().startsWith("supervision.cluster.") ? "Invalid cluster configuration" : "Invalid supervision tree")
                        + ": property '" + cause.getKey() + "' has the value '" + cause.getValue()
                        + "'.\n" + cause.getMessage(),
                cause.getHint() != null ? cause.getHint() : "Fix the property in your application configuration.",
                cause);
    }
}
