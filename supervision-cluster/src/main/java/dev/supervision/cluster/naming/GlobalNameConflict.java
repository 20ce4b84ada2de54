package dev.supervision.cluster.naming;

/**
 * The reason of the exit signal a process gets when it loses its global name to a process of a senior
 * node, after partitions heal: prints as {@code {global_name_conflict,Name}} (use it with
 * {@code ExitReason.of}). The exit signal comes from the winning pid.
 *
 * @param name the global name both held
 */
public record GlobalNameConflict(String name) {

    /** {@code {global_name_conflict,name}}. */
    @Override
    public String toString() {
        return "{global_name_conflict," + name + "}";
    }
}
