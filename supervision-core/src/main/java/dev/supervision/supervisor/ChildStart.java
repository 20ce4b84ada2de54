package dev.supervision.supervisor;

import dev.supervision.genserver.StartResult;
import java.util.List;

/**
 * Starts a child (OTP's {@code start} MFA). It runs inside the supervisor's process and must link the
 * new process to it, as {@code GenServer.startLink} and {@code Supervisor.startLink} do.
 */
@FunctionalInterface
public interface ChildStart {

    /**
     * Starts the child.
     *
     * @param extraArgs arguments a dynamic supervisor adds (its extra arguments, then those of
     *     {@code startChild}); empty for the children of a static supervisor
     */
    StartResult start(List<Object> extraArgs) throws Exception;
}
