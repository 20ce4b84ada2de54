package dev.supervision.supervisor;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A static supervisor: its flags and its children in start order. Duplicate ids and significant
 * children under {@code auto_shutdown never} are rejected here, naming the child.
 *
 * @param flags the supervisor's flags
 * @param children the children, in start order
 */
public record SupervisorSpec(SupervisorFlags flags, List<ChildSpec> children) {

    /** Validates the children against each other and the flags. */
    public SupervisorSpec {
        Objects.requireNonNull(flags, "flags");
        children = List.copyOf(Objects.requireNonNull(children, "children"));
        Set<String> ids = new HashSet<>();
        for (ChildSpec child : children) {
            if (!ids.add(child.id())) {
                throw new IllegalArgumentException("duplicate child id '" + child.id() + "'");
            }
            checkSignificance(child, flags);
        }
    }

    /** A supervisor with {@code flags} and {@code children}. */
    public static SupervisorSpec of(SupervisorFlags flags, ChildSpec... children) {
        return new SupervisorSpec(flags, List.of(children));
    }

    private static void checkSignificance(ChildSpec child, SupervisorFlags flags) {
        significanceProblem(child, flags).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** What is wrong with {@code child}'s significance under {@code flags}, if anything. */
    static Optional<String> significanceProblem(ChildSpec child, SupervisorFlags flags) {
        return child.significant() && flags.autoShutdown() == AutoShutdown.NEVER
                ? Optional.of("child '" + child.id()
                        + "' is significant but the supervisor's autoShutdown is never (bad combination)")
                : Optional.empty();
    }
}
