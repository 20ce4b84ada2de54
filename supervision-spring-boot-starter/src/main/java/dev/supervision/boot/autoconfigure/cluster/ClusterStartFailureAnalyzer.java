package dev.supervision.boot.autoconfigure.cluster;

import dev.supervision.boot.cluster.ClusterStartException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a node that could not join its cluster into Spring Boot's start-up failure report. */
class ClusterStartFailureAnalyzer extends AbstractFailureAnalyzer<ClusterStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ClusterStartException cause) {
        return new FailureAnalysis("The node did not join its cluster: " + cause.getMessage() + ".",
                "Check supervision.cluster.bind-address and supervision.cluster.port (the port and the one 100 above it"
                        + " must be free), or turn the cluster off with supervision.cluster.enabled=false.",
                cause);
    }
}
