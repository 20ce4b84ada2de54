package dev.supervision.supervisor;

import dev.supervision.genserver.Init;
import dev.supervision.genserver.StartResult;
import dev.supervision.process.Pid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything in which a static supervisor (OTP's {@code supervisor}) and a dynamic one (Elixir's
 * {@code DynamicSupervisor}) differ, so that the state machine never asks which of the two it runs:
 * where the spec comes from, how children are known (by id or by pid), the strategy, what
 * {@code startChild} accepts and passes on, whether a stopped child's spec is kept, and how the
 * children are stopped when the supervisor ends.
 */
sealed interface SupervisorKind {

    /** The supervisor's {@code init}: its flags and first children. */
    SupervisorInit init();

    /** The id its children show: the spec's, or null for a dynamic supervisor's. */
    String childId(ChildSpec spec);

    /** The child an admin call names: by id (a {@link String}) or by pid. */
    Optional<Child> find(ChildTable children, Object ref);

    /** The restart strategy. */
    Strategy strategy(SupervisorFlags flags);

    /** The strategy as snapshots name it. */
    String strategyName(SupervisorFlags flags);

    /** Whether a child's spec stays once its process is stopped or its start was ignored. */
    boolean keepsSpecAfterStop(ChildSpec spec);

    /** Why {@code startChild} with {@code spec} is not taken, if it is not: the reply to send instead. */
    Optional<AdminReply> refuseStart(ChildSpec spec, ChildTable children, SupervisorFlags flags);

    /** The arguments a child's start gets, from those of {@code startChild}. */
    List<Object> startArgs(List<Object> args);

    /** Stops every child, given newest first, when the supervisor ends or fails to start. */
    void stopAll(ChildLifecycle lifecycle, List<Child> newestFirst);

    /**
     * A static supervisor: children known by id, the flags' strategy, specs kept after a stop (except
     * temporary ones), children stopped one by one in reverse start order.
     *
     * @param init decides the spec in the new supervisor's process
     */
    record Static(SupervisorInit init) implements SupervisorKind {

        /** Requires the init. */
        public Static {
            Objects.requireNonNull(init, "init");
        }

        @Override
        public String childId(ChildSpec spec) {
            return spec.id();
        }

        @Override
        public Optional<Child> find(ChildTable children, Object ref) {
            return ref instanceof String id ? children.withId(id) : Optional.empty();
        }

        @Override
        public Strategy strategy(SupervisorFlags flags) {
            return flags.strategy();
        }

        @Override
        public String strategyName(SupervisorFlags flags) {
            return flags.strategy().name().toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean keepsSpecAfterStop(ChildSpec spec) {
            return spec.restart() != Restart.TEMPORARY;
        }

        @Override
        public Optional<AdminReply> refuseStart(ChildSpec spec, ChildTable children, SupervisorFlags flags) {
            Optional<String> problem = SupervisorSpec.significanceProblem(spec, flags);
            if (problem.isPresent()) {
                return Optional.of(new AdminReply.Invalid(problem.get()));
            }
            return children.withId(spec.id()).map(existing -> {
                ChildState state = existing.state();
                return state.status() == ChildStatus.RUNNING
                        ? new AdminReply.Value(new StartResult.AlreadyStarted(state.pid()))
                        : new AdminReply.Refused(SupervisorException.Problem.ALREADY_PRESENT, spec.id());
            });
        }

        @Override
        public List<Object> startArgs(List<Object> args) {
            return List.copyOf(args);
        }

        @Override
        public void stopAll(ChildLifecycle lifecycle, List<Child> newestFirst) {
            newestFirst.forEach(lifecycle::stop);
        }
    }

    /**
     * A dynamic supervisor: no children at start, children known by pid and shown without ids,
     * {@code one_for_one}, extra arguments before those of each start, a maximum number of children,
     * no spec kept once a child stops, children stopped concurrently.
     *
     * @param spec its settings
     */
    record Dynamic(DynamicSupervisorSpec spec) implements SupervisorKind {

        /** Requires the spec. */
        public Dynamic {
            Objects.requireNonNull(spec, "spec");
        }

        @Override
        public SupervisorInit init() {
            return () -> Init.ok(new SupervisorSpec(spec.flags(), List.of()));
        }

        @Override
        public String childId(ChildSpec childSpec) {
            return null;
        }

        @Override
        public Optional<Child> find(ChildTable children, Object ref) {
            return ref instanceof Pid pid ? children.withPid(pid) : Optional.empty();
        }

        @Override
        public Strategy strategy(SupervisorFlags flags) {
            return Strategy.ONE_FOR_ONE;
        }

        @Override
        public String strategyName(SupervisorFlags flags) {
            return "dynamic";
        }

        @Override
        public boolean keepsSpecAfterStop(ChildSpec childSpec) {
            return false;
        }

        @Override
        public Optional<AdminReply> refuseStart(ChildSpec childSpec, ChildTable children, SupervisorFlags flags) {
            if (childSpec.significant()) {
                return Optional.of(new AdminReply.Invalid("child '" + childSpec.id()
                        + "': a dynamic supervisor does not support significant children"));
            }
            if (children.size() >= spec.maxChildren()) {
                return Optional.of(new AdminReply.Refused(SupervisorException.Problem.MAX_CHILDREN, childSpec.id()));
            }
            return Optional.empty();
        }

        @Override
        public List<Object> startArgs(List<Object> args) {
            List<Object> all = new ArrayList<>(spec.extraArguments());
            all.addAll(args);
            return List.copyOf(all);
        }

        @Override
        public void stopAll(ChildLifecycle lifecycle, List<Child> newestFirst) {
            lifecycle.stopConcurrently(newestFirst);
        }
    }
}
