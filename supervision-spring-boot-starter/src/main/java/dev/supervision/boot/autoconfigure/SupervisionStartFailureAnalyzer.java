package dev.supervision.boot.autoconfigure;

import dev.supervision.boot.SupervisionStartException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a child that failed to start into Spring Boot's start-up failure report, without a stack trace. */
class SupervisionStartFailureAnalyzer extends AbstractFailureAnalyzer<SupervisionStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SupervisionStartException cause) {
        return new FailureAnalysis("The supervision tree did not start: " + cause.getMessage() + ".\n"
                + "A child that fails at start-up is not retried: its supervisor gives up at once, so the"
                + " application does not start.",
                "Fix what the child's bean or its init needs (configuration, a reachable service), or let"
                        + " init return Init.ok without the resource and connect later (handle_continue style).",
                cause);
    }
}
