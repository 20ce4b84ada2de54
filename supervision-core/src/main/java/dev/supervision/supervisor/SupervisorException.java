package dev.supervision.supervisor;

/** An admin call a supervisor refused, with OTP's reason as {@link #problem()}. */
public final class SupervisorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** OTP's error terms for the admin API. */
    public enum Problem {
        /** No child with that id or pid ({@code not_found}). */
        NOT_FOUND,
        /** The child is running ({@code running}). */
        RUNNING,
        /** The child is being restarted ({@code restarting}). */
        RESTARTING,
        /** A stopped child with that id exists ({@code already_present}). */
        ALREADY_PRESENT,
        /** A dynamic supervisor has reached its maximum number of children ({@code max_children}). */
        MAX_CHILDREN
    }

    private final Problem problem;

    SupervisorException(Problem problem, Object child) {
        super(describe(problem, child));
        this.problem = problem;
    }

    /** Why the call was refused. */
    public Problem problem() {
        return problem;
    }

    private static String describe(Problem problem, Object child) {
        return switch (problem) {
            case NOT_FOUND -> "no child " + child + " in this supervisor";
            case RUNNING -> "child " + child + " is running; terminate it first";
            case RESTARTING -> "child " + child + " is being restarted";
            case ALREADY_PRESENT -> "child " + child + " is already present (stopped); restart or delete it";
            case MAX_CHILDREN -> "the supervisor already has its maximum number of children";
        };
    }
}
