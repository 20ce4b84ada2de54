package dev.supervision.supervisor;

import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.GenServers;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.ProcessRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a supervisor starts, restarts and stops one child (OTP's child specification). Invalid specs
 * cannot exist: the constructor names the wrong field and its value.
 *
 * <pre>{@code
 * ChildSpec.worker("db", DbConnector::new, null)
 *          .withRestart(Restart.PERMANENT)
 *          .withShutdown(Shutdown.timeout(Duration.ofSeconds(10)))
 *          .withBackoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(10)));
 * }</pre>
 *
 * @param id unique within its supervisor
 * @param start starts the child, linked to the supervisor
 * @param restart when it is restarted; {@link Restart#PERMANENT} by default
 * @param shutdown how it is stopped; 5 s for a worker and infinity for a supervisor by default
 * @param type worker or supervisor
 * @param significant whether its own exit may shut the supervisor down (see {@link AutoShutdown})
 * @param backoff a restart backoff for this child, or null to use the supervisor's
 */
public record ChildSpec(
        String id, ChildStart start, Restart restart, Shutdown shutdown, ChildType type, boolean significant,
        Backoff backoff) {

    /** Validates the spec and fills in the default shutdown for its type. */
    public ChildSpec {
        if (id == null || id.isBlank()) {
            throw new InvalidSpecException("id", id, "child spec 'id' must not be blank, got '" + id + "'");
        }
        Objects.requireNonNull(start, () -> "child spec '" + id + "': 'start' is required");
        Objects.requireNonNull(restart, () -> "child spec '" + id + "': 'restart' is required");
        Objects.requireNonNull(type, () -> "child spec '" + id + "': 'type' is required");
        if (shutdown == null) {
            shutdown = Shutdown.defaultFor(type);
        }
        if (significant && restart == Restart.PERMANENT) {
            throw new InvalidSpecException("significant", significant, "child spec '" + id
                    + "': significant=true needs restart transient or temporary, got permanent");
        }
    }

    /** A permanent worker started by {@code start}. */
    public static ChildSpec of(String id, ChildStart start) {
        return new ChildSpec(id, start, Restart.PERMANENT, null, ChildType.WORKER, false, null);
    }

    /**
     * A permanent GenServer worker; every start and restart gets a fresh behaviour from {@code behaviour}.
     * {@code init} receives {@code arg}; under a dynamic supervisor it receives the extra arguments
     * followed by {@code arg} as a list.
     */
    public static ChildSpec worker(String id, Supplier<? extends GenServerBehaviour<?>> behaviour, Object arg) {
        return worker(id, null, behaviour, arg);
    }

    /** A permanent GenServer worker registered as {@code name}. */
    public static ChildSpec worker(String id, String name, Supplier<? extends GenServerBehaviour<?>> behaviour, Object arg) {
        Objects.requireNonNull(behaviour, "behaviour");
        StartOptions options = name == null ? StartOptions.DEFAULT : StartOptions.named(name);
        return of(id, extraArgs -> GenServers.startLink(
                ProcessRuntime.current(), behaviour.get(), initArg(extraArgs, arg), options));
    }

    /** A permanent child supervisor running {@code spec}. */
    public static ChildSpec supervisor(String id, SupervisorSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new ChildSpec(id, extraArgs -> Supervisor.startLink(ProcessRuntime.current(), spec, StartOptions.DEFAULT),
                Restart.PERMANENT, null, ChildType.SUPERVISOR, false, null);
    }

    /** The same spec with another restart type. */
    public ChildSpec withRestart(Restart newRestart) {
        return new ChildSpec(id, start, newRestart, shutdown, type, significant, backoff);
    }

    /** The same spec with another shutdown. */
    public ChildSpec withShutdown(Shutdown newShutdown) {
        return new ChildSpec(id, start, restart, Objects.requireNonNull(newShutdown, "shutdown"), type, significant,
                backoff);
    }

    /** The same spec with another type; the shutdown follows the new type's default unless set after. */
    public ChildSpec withType(ChildType newType) {
        return new ChildSpec(id, start, restart, null, newType, significant, backoff);
    }

    /** The same spec, significant or not. */
    public ChildSpec withSignificant(boolean newSignificant) {
        return new ChildSpec(id, start, restart, shutdown, type, newSignificant, backoff);
    }

    /** The same spec with a restart backoff of its own (null: the supervisor's). */
    public ChildSpec withBackoff(Backoff newBackoff) {
        return new ChildSpec(id, start, restart, shutdown, type, significant, newBackoff);
    }

    /** The same spec with another id. */
    public ChildSpec withId(String newId) {
        return new ChildSpec(newId, start, restart, shutdown, type, significant, backoff);
    }

    private static Object initArg(List<Object> extraArgs, Object arg) {
        if (extraArgs.isEmpty()) {
            return arg;
        }
        List<Object> all = new ArrayList<>(extraArgs);
        all.add(arg);
        return all;
    }
}
